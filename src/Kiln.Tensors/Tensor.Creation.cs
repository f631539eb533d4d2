using Kiln.Tensors.Backends;

namespace Kiln.Tensors;

/// <summary>Creation facet: factories for filled, random, ranged and array-backed tensors.</summary>
public sealed partial class Tensor
{
    /// <summary>Creates a float32 tensor of zeros on the CPU.</summary>
    /// <remarks>PyTorch: <c>torch.zeros</c>.</remarks>
    public static Tensor Zeros(params int[] shape) => Zeros(new Shape(shape));

    /// <summary>Creates a tensor of zeros.</summary>
    /// <remarks>PyTorch: <c>torch.zeros</c>.</remarks>
    public static Tensor Zeros(Shape shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Leaf(BackendRegistry.Get(device ?? Device.Cpu).Allocate(dtype, shape.ElementCount), shape, requiresGrad);

    /// <summary>Creates a float32 tensor of ones on the CPU.</summary>
    /// <remarks>PyTorch: <c>torch.ones</c>.</remarks>
    public static Tensor Ones(params int[] shape) => Ones(new Shape(shape));

    /// <summary>Creates a tensor of ones.</summary>
    /// <remarks>PyTorch: <c>torch.ones</c>.</remarks>
    public static Tensor Ones(Shape shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Full(shape, 1, dtype, device, requiresGrad);

    /// <summary>Creates a tensor with every element equal to <paramref name="value"/>.</summary>
    /// <remarks>PyTorch: <c>torch.full</c>.</remarks>
    public static Tensor Full(Shape shape, double value, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Leaf(BackendRegistry.Get(device ?? Device.Cpu).Full(dtype, shape.ElementCount, value), shape, requiresGrad);

    /// <summary>Creates a rank-0 float32 tensor holding <paramref name="value"/>.</summary>
    /// <remarks>PyTorch: <c>torch.tensor(value)</c>.</remarks>
    public static Tensor Scalar(float value, Device? device = null, bool requiresGrad = false) =>
        Full(new Shape(), value, DType.Float32, device, requiresGrad);

    /// <summary>Creates zeros with the shape, dtype and device of <paramref name="like"/>.</summary>
    /// <remarks>PyTorch: <c>torch.zeros_like</c>.</remarks>
    public static Tensor ZerosLike(Tensor like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Zeros(like.Shape, like.DType, like.Device);
    }

    /// <summary>Creates ones with the shape, dtype and device of <paramref name="like"/>.</summary>
    /// <remarks>PyTorch: <c>torch.ones_like</c>.</remarks>
    public static Tensor OnesLike(Tensor like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Ones(like.Shape, like.DType, like.Device);
    }

    /// <summary>Creates the int64 sequence 0, 1, …, <paramref name="end"/> − 1.</summary>
    /// <remarks>PyTorch: <c>torch.arange(end)</c>.</remarks>
    public static Tensor Arange(int end, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(end);
        var data = new long[end];
        for (var i = 0; i < end; i++)
        {
            data[i] = i;
        }

        return FromHost(data, new Shape(end), device, false);
    }

    /// <summary>Creates the sequence start, start + step, … up to but excluding <paramref name="end"/>.</summary>
    /// <remarks>PyTorch: <c>torch.arange(start, end, step)</c>; the length is ceil((end − start) / step).</remarks>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Float32, Device? device = null)
    {
        if (step == 0 || double.IsNaN(step) || (end - start) / step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), $"Arange: step {step} cannot go from {start} to {end}; use a non-zero step pointing toward end.");
        }

        var n = (int)Math.Ceiling((end - start) / step);
        var data = new float[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = (float)(start + (i * step));
        }

        return FromHost(data, new Shape(n), device, false).ToType(dtype);
    }

    /// <summary>Creates a float32 tensor from <paramref name="data"/> (row-major) with the given shape, copying the data.</summary>
    /// <remarks>PyTorch: <c>torch.tensor(data).reshape(shape)</c>. With no shape the tensor is 1-D.</remarks>
    public static Tensor FromArray(float[] data, params int[] shape) => FromArray((ReadOnlySpan<float>)data, shape);

    /// <summary>Creates a float32 tensor from a span with the given shape, copying the data.</summary>
    /// <remarks>PyTorch: <c>torch.tensor</c>.</remarks>
    public static Tensor FromArray(ReadOnlySpan<float> data, ReadOnlySpan<int> shape, Device? device = null, bool requiresGrad = false) =>
        FromHost(data.ToArray(), CheckLength(data.Length, shape), device, requiresGrad);

    /// <summary>Creates an int64 tensor (labels, indices) from <paramref name="data"/> with the given shape.</summary>
    /// <remarks>PyTorch: <c>torch.tensor(data, dtype=torch.int64)</c>.</remarks>
    public static Tensor FromArray(long[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromHost(data, CheckLength(data.Length, shape), null, false);
    }

    /// <summary>Creates a bool tensor (a mask) from <paramref name="data"/> with the given shape.</summary>
    /// <remarks>PyTorch: <c>torch.tensor(data, dtype=torch.bool)</c>.</remarks>
    public static Tensor FromArray(bool[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromHost(data, CheckLength(data.Length, shape), null, false);
    }

    /// <summary>Creates a 2-D float32 tensor from a rectangular array.</summary>
    /// <remarks>PyTorch: <c>torch.tensor([[…], […]])</c>.</remarks>
    public static Tensor FromArray(float[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var flat = new float[data.Length];
        Buffer.BlockCopy(data, 0, flat, 0, data.Length * sizeof(float));
        return FromHost(flat, new Shape(data.GetLength(0), data.GetLength(1)), null, false);
    }

    private static Tensor FromHost(Array data, Shape shape, Device? device, bool requiresGrad) =>
        Leaf(BackendRegistry.Get(device ?? Device.Cpu).Upload(data), shape, requiresGrad);

    private static Tensor Leaf(Storage storage, Shape shape, bool requiresGrad) =>
        new Tensor(storage, shape.ToArray()) { RequiresGrad = requiresGrad };

    private static Shape CheckLength(int length, ReadOnlySpan<int> shape)
    {
        if (shape.IsEmpty)
        {
            return new Shape(length);
        }

        var s = new Shape(shape.ToArray());
        if (s.ElementCount != length)
        {
            throw new ShapeMismatchException($"FromArray: {length} values cannot fill shape {s} ({s.ElementCount} elements).");
        }

        return s;
    }
}
