namespace Kiln.Tensors;

/// <summary>Random facet: seeded uniform, normal and integer samples.</summary>
public sealed partial class Tensor
{
    /// <summary>Creates a float32 tensor of samples uniform in [0, 1) on the CPU, from <see cref="Generator.Default"/>.</summary>
    /// <remarks>PyTorch: <c>torch.rand</c>.</remarks>
    public static Tensor Rand(params int[] shape) => Rand(new Shape(shape));

    /// <summary>Creates a float32 tensor of samples uniform in [0, 1).</summary>
    /// <remarks>PyTorch: <c>torch.rand</c>.</remarks>
    public static Tensor Rand(Shape shape, Generator? generator = null, Device? device = null, bool requiresGrad = false)
    {
        var g = generator ?? Generator.Default;
        var data = new float[shape.ElementCount];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = g.NextSingle();
        }

        return FromHost(data, shape, device, requiresGrad);
    }

    /// <summary>Creates a float32 tensor of standard normal samples on the CPU, from <see cref="Generator.Default"/>.</summary>
    /// <remarks>PyTorch: <c>torch.randn</c>.</remarks>
    public static Tensor Randn(params int[] shape) => Randn(new Shape(shape));

    /// <summary>Creates a float32 tensor of standard normal samples.</summary>
    /// <remarks>PyTorch: <c>torch.randn</c>.</remarks>
    public static Tensor Randn(Shape shape, Generator? generator = null, Device? device = null, bool requiresGrad = false)
    {
        var g = generator ?? Generator.Default;
        var data = new float[shape.ElementCount];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)g.NextNormal();
        }

        return FromHost(data, shape, device, requiresGrad);
    }

    /// <summary>Creates an int64 tensor of integers uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <remarks>PyTorch: <c>torch.randint</c>.</remarks>
    public static Tensor RandInt(long low, long high, Shape shape, Generator? generator = null, Device? device = null)
    {
        var g = generator ?? Generator.Default;
        var data = new long[shape.ElementCount];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = g.NextInt64(low, high);
        }

        return FromHost(data, shape, device, false);
    }

    /// <summary>Creates a float32 tensor of samples uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <remarks>PyTorch: <c>torch.empty(shape).uniform_(low, high)</c>; used for weight initialization.</remarks>
    public static Tensor Uniform(Shape shape, float low, float high, Generator? generator = null, Device? device = null, bool requiresGrad = false)
    {
        if (!(high >= low))
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"Uniform: high {high} must not be below low {low}.");
        }

        var g = generator ?? Generator.Default;
        var data = new float[shape.ElementCount];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = low + ((high - low) * g.NextSingle());
        }

        return FromHost(data, shape, device, requiresGrad);
    }

    /// <summary>Creates a float32 tensor of normal samples with the given mean and standard deviation.</summary>
    /// <remarks>PyTorch: <c>torch.empty(shape).normal_(mean, std)</c>; used for weight initialization.</remarks>
    public static Tensor Normal(Shape shape, float mean, float std, Generator? generator = null, Device? device = null, bool requiresGrad = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(std);
        var g = generator ?? Generator.Default;
        var data = new float[shape.ElementCount];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(mean + (std * g.NextNormal()));
        }

        return FromHost(data, shape, device, requiresGrad);
    }
}
