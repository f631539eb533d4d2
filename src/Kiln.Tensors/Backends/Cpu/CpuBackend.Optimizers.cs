using System.Numerics;

namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Fused optimizer updates: one pass over each parameter, no temporaries.</summary>
internal sealed partial class CpuBackend
{
    /// <remarks>
    /// The formula of <see cref="AdamCoefficients"/> with multiplies and adds kept separate (no FMA), so the results are
    /// bit-identical to the same update written as unfused tensor ops. One thread: splitting this memory-bound pass
    /// across cores measured slower than the thread hand-off it costs at MLP sizes.
    /// </remarks>
    public void AdamUpdate(Storage parameter, Storage gradient, Storage expAvg, Storage expAvgSq, AdamCoefficients c)
    {
        var p = CpuStorage.Of(parameter).F;
        var g = CpuStorage.Of(gradient).F;
        var m = CpuStorage.Of(expAvg).F;
        var v = CpuStorage.Of(expAvgSq).F;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var biasCorrection = new Vector<float>(c.BiasCorrection2Sqrt);
            var eps = new Vector<float>(c.Eps);
            for (; i <= p.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var pi = new Vector<float>(p[i..]);
                var gi = new Vector<float>(g[i..]);
                if (c.WeightDecay != 0)
                {
                    gi += pi * c.WeightDecay;
                }

                var mi = (gi * c.OneMinusBeta1) + (new Vector<float>(m[i..]) * c.Beta1);
                var vi = (gi * gi * c.OneMinusBeta2) + (new Vector<float>(v[i..]) * c.Beta2);
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                ((mi / ((Vector.SquareRoot(vi) / biasCorrection) + eps) * c.NegativeStepSize) + pi).CopyTo(p[i..]);
            }
        }

        for (; i < p.Length; i++)
        {
            var gi = c.WeightDecay != 0 ? g[i] + (p[i] * c.WeightDecay) : g[i];
            var mi = (gi * c.OneMinusBeta1) + (m[i] * c.Beta1);
            var vi = (gi * gi * c.OneMinusBeta2) + (v[i] * c.Beta2);
            m[i] = mi;
            v[i] = vi;
            p[i] = (mi / ((MathF.Sqrt(vi) / c.BiasCorrection2Sqrt) + c.Eps) * c.NegativeStepSize) + p[i];
        }
    }
}
