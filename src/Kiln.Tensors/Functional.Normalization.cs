namespace Kiln.Tensors;

/// <summary>Layer and batch normalization.</summary>
public static partial class Functional
{
    /// <summary>Normalizes over the trailing <paramref name="normalizedShape"/> dimensions, then applies weight and bias.</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.layer_norm</c>; y = (x − mean) / √(var + eps) · weight + bias, biased variance.</remarks>
    public static Tensor LayerNorm(Tensor input, int[] normalizedShape, Tensor? weight = null, Tensor? bias = null, float eps = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(normalizedShape);
        var k = normalizedShape.Length;
        if (k == 0 || k > input.Rank || !input.Dims.AsSpan(input.Rank - k).SequenceEqual(normalizedShape))
        {
            throw new ShapeMismatchException("LayerNorm", input.Shape, Shape.Wrap(normalizedShape), "do not fit; the input must end with the normalized shape.");
        }

        var dims = Enumerable.Range(input.Rank - k, k).ToArray();
        var mean = input.Mean(dims, keepDim: true);
        var variance = input.Var(dims, unbiased: false, keepDim: true);
        var y = (input - mean) / (variance + eps).Sqrt();
        y = weight is null ? y : y * weight;
        return bias is null ? y : y + bias;
    }

    /// <summary>Normalizes each channel (dimension 1) of [N, C, …] input over the batch and spatial dimensions.</summary>
    /// <remarks>
    /// PyTorch: <c>torch.nn.functional.batch_norm</c>. Training uses batch statistics (biased variance) and, when given,
    /// updates the running statistics in place: running = (1 − momentum) · running + momentum · batch (unbiased variance).
    /// Evaluation uses the running statistics, which are then required.
    /// </remarks>
    public static Tensor BatchNorm(
        Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = true, float momentum = 0.1f, float eps = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 2)
        {
            throw new ShapeMismatchException($"BatchNorm: input has shape {input.Shape}; expected [N, C] or [N, C, …].");
        }

        var c = input.Dims[1];
        var statShape = Enumerable.Range(0, input.Rank).Select(i => i == 1 ? c : 1).ToArray();
        var dims = Enumerable.Range(0, input.Rank).Where(i => i != 1).ToArray();
        Tensor mean, variance;
        if (training)
        {
            mean = input.Mean(dims, keepDim: true);
            variance = input.Var(dims, unbiased: false, keepDim: true);
            var count = input.ElementCount / c;
            using (Tensor.NoGrad())
            {
                runningMean?.CopyFrom(((runningMean * (1f - momentum)) + (mean.Detach().Reshape(c) * momentum)).Detach());
                var unbiased = variance.Detach().Reshape(c) * (count / (float)Math.Max(count - 1, 1));
                runningVar?.CopyFrom(((runningVar * (1f - momentum)) + (unbiased * momentum)).Detach());
            }
        }
        else
        {
            if (runningMean is null || runningVar is null)
            {
                throw new ArgumentNullException(nameof(runningMean), "BatchNorm: evaluation mode needs runningMean and runningVar.");
            }

            mean = runningMean.Reshape(statShape);
            variance = runningVar.Reshape(statShape);
        }

        var y = (input - mean) / (variance + eps).Sqrt();
        y = weight is null ? y : y * weight.Reshape(statShape);
        return bias is null ? y : y + bias.Reshape(statShape);
    }
}
