using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Batch normalization over the channel dimension; the shared part of <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/>.</summary>
/// <remarks>
/// PyTorch: <c>torch.nn.modules.batchnorm._BatchNorm</c> (affine, tracking running stats). Parameters <c>weight</c> (ones) and
/// <c>bias</c> (zeros); buffers <c>running_mean</c> (zeros), <c>running_var</c> (ones) and int64 <c>num_batches_tracked</c>.
/// </remarks>
public abstract class BatchNorm : Module
{
    private readonly int[] _ranks;

    /// <summary>Creates the layer for <paramref name="numFeatures"/> channels accepting inputs of the given ranks.</summary>
    private protected BatchNorm(int numFeatures, double eps, double momentum, params int[] ranks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numFeatures);
        (NumFeatures, Eps, Momentum, _ranks) = (numFeatures, eps, momentum, ranks);
        RegisterParameter("weight", Tensor.Ones(numFeatures));
        RegisterParameter("bias", Tensor.Zeros(numFeatures));
        RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
        RegisterBuffer("running_var", Tensor.Ones(numFeatures));
        RegisterBuffer("num_batches_tracked", Tensor.Zeros(new Shape(), DType.Int64));
    }

    /// <summary>The number of channels.</summary>
    public int NumFeatures { get; }

    /// <summary>The value added to the variance for stability.</summary>
    public double Eps { get; }

    /// <summary>The weight of the newest batch in the running statistics.</summary>
    public double Momentum { get; }

    /// <summary>The per-channel scale.</summary>
    public Tensor Weight => GetParameter("weight")!;

    /// <summary>The per-channel shift.</summary>
    public Tensor Bias => GetParameter("bias")!;

    /// <summary>The running mean used in evaluation mode.</summary>
    public Tensor RunningMean => GetBuffer("running_mean");

    /// <summary>The running (unbiased) variance used in evaluation mode.</summary>
    public Tensor RunningVar => GetBuffer("running_var");

    /// <summary>Normalizes each channel with batch statistics (training) or running statistics (evaluation).</summary>
    /// <exception cref="ShapeMismatchException">The input rank or channel count does not fit.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Array.IndexOf(_ranks, input.Rank) < 0 || input.Shape[1] != NumFeatures)
        {
            var expected = string.Join(" or ", _ranks.Select(r => r switch { 2 => $"[N, {NumFeatures}]", 3 => $"[N, {NumFeatures}, L]", _ => $"[N, {NumFeatures}, H, W]" }));
            throw new ShapeMismatchException($"{GetType().Name}({NumFeatures}): expected input of shape {expected}, got {input.Shape}.");
        }

        if (IsTraining)
        {
            var tracked = GetBuffer("num_batches_tracked");
            using (Tensor.NoGrad())
            {
                tracked.Fill(tracked.Item<long>() + 1);
            }
        }

        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, IsTraining, (float)Momentum, (float)Eps);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{NumFeatures}, eps={Py(Eps)}, momentum={Py(Momentum)}, affine=True, track_running_stats=True";
}

/// <summary>Batch normalization of [N, C] or [N, C, L] inputs.</summary>
/// <remarks>PyTorch: <c>torch.nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1)</c>.</remarks>
public sealed class BatchNorm1d(int numFeatures, double eps = 1e-5, double momentum = 0.1) : BatchNorm(numFeatures, eps, momentum, 2, 3);

/// <summary>Batch normalization of [N, C, H, W] inputs.</summary>
/// <remarks>PyTorch: <c>torch.nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1)</c>.</remarks>
public sealed class BatchNorm2d(int numFeatures, double eps = 1e-5, double momentum = 0.1) : BatchNorm(numFeatures, eps, momentum, 4);
