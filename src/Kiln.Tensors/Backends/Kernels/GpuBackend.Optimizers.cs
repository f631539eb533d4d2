namespace Kiln.Tensors.Backends.Kernels;

/// <summary>Fused optimizer updates as single kernel launches.</summary>
internal abstract partial class GpuBackend
{
    public void AdamUpdate(Storage parameter, Storage gradient, Storage expAvg, Storage expAvgSq, AdamCoefficients coefficients) => Run(
        "adam_update", parameter.Length, Buf(parameter), Buf(gradient), Buf(expAvg), Buf(expAvgSq),
        KernelArg.Float(coefficients.Beta1), KernelArg.Float(coefficients.OneMinusBeta1), KernelArg.Float(coefficients.Beta2),
        KernelArg.Float(coefficients.OneMinusBeta2), KernelArg.Float(coefficients.BiasCorrection2Sqrt), KernelArg.Float(coefficients.Eps),
        KernelArg.Float(coefficients.NegativeStepSize), KernelArg.Float(coefficients.WeightDecay), KernelArg.Int(parameter.Length));
}
