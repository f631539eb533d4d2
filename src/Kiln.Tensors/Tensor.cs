using System.Diagnostics;
using Kiln.Display;
using Kiln.Tensors.Autograd;
using Kiln.Tensors.Backends;

namespace Kiln.Tensors;

/// <summary>An n-dimensional array of float32, int64 or bool values on a device, with reverse-mode autograd.</summary>
/// <remarks>
/// PyTorch: <c>torch.Tensor</c>. Storage is contiguous and row-major. <see cref="Reshape"/>, <see cref="View"/>,
/// <see cref="Squeeze(int?)"/>, <see cref="Unsqueeze"/>, <see cref="Flatten"/> and <see cref="Detach"/> share storage, and
/// on the CPU so do <see cref="Narrow"/> and <see cref="Select"/> when the slice is one contiguous run (e.g. rows of a
/// matrix); every other op (transpose, permute, stepped slicing, concat) copies. Tensors hold managed memory and are never
/// disposed by hand.
/// </remarks>
[DebuggerDisplay("{Header,nq}")]
public sealed partial class Tensor : IDisplayable
{
    private readonly int[] _shape;

    internal Tensor(Storage storage, int[] shape)
    {
        Debug.Assert(storage.Length == Shape.ElementCountOf(shape), "Storage length must match the shape.");
        Storage = storage;
        _shape = shape;
        storage.AddTensor();
    }

    /// <summary>The dimensions of this tensor.</summary>
    /// <remarks>PyTorch: <c>Tensor.shape</c>.</remarks>
    public Shape Shape => Shape.Wrap(_shape);

    /// <summary>The number of dimensions.</summary>
    /// <remarks>PyTorch: <c>Tensor.dim()</c>.</remarks>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    /// <remarks>PyTorch: <c>Tensor.numel()</c>.</remarks>
    public int ElementCount => Storage.Length;

    /// <summary>The element type.</summary>
    /// <remarks>PyTorch: <c>Tensor.dtype</c>.</remarks>
    public DType DType => Storage.DType;

    /// <summary>The device holding the storage.</summary>
    /// <remarks>PyTorch: <c>Tensor.device</c>.</remarks>
    public Device Device => Storage.Backend.Device;

    internal Storage Storage { get; }

    internal int[] Dims => _shape;

    internal IBackend Backend => Storage.Backend;

    private string Header => $"Tensor {Shape} {DType} {Device}";

    /// <summary>Gets the size of dimension <paramref name="dim"/>; negative values count from the end.</summary>
    /// <remarks>PyTorch: <c>Tensor.size(dim)</c>.</remarks>
    public int Size(int dim) => _shape[Shape.Normalize(dim)];

    /// <summary>Selects index <paramref name="index"/> along the first dimension.</summary>
    /// <remarks>PyTorch: <c>t[i]</c>.</remarks>
    [System.Runtime.CompilerServices.IndexerName("Row")]
    public Tensor this[int index] => Select(0, index);

    /// <summary>Returns a copy of this tensor on <paramref name="device"/>, or this tensor when it is already there.</summary>
    /// <remarks>PyTorch: <c>Tensor.to(device)</c>; the original is never changed. Differentiable.</remarks>
    public Tensor To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Equals(Device))
        {
            return this;
        }

        var target = BackendRegistry.Get(device);
        var source = Device;
        return FromOp(target.Upload(Backend.Download(Storage)), _shape, "ToBackward", [this], g => [g.To(source)]);
    }

    /// <summary>Returns a copy converted to <paramref name="dtype"/> (this tensor when it already has it).</summary>
    /// <remarks>PyTorch: <c>Tensor.to(dtype)</c>. Float to int64 truncates toward zero; not differentiable.</remarks>
    public Tensor ToType(DType dtype) => dtype == DType ? this : new Tensor(Backend.Cast(Storage, dtype), _shape);

    /// <summary>Returns a copy with its own storage, differentiable like the identity.</summary>
    /// <remarks>PyTorch: <c>Tensor.clone()</c>.</remarks>
    public Tensor Clone()
    {
        var copy = Backend.Allocate(DType, ElementCount);
        Backend.CopyInto(copy, Storage);
        return FromOp(copy, _shape, "CloneBackward", [this], g => [g]);
    }

    /// <summary>Copies the values to a new float array in row-major order, converting int64 and bool values.</summary>
    /// <remarks>PyTorch: <c>Tensor.tolist()</c> / <c>numpy()</c> (flattened).</remarks>
    public float[] ToArray() => (float[])ToType(DType.Float32).Download();

    /// <summary>Copies the values to a new array of the tensor's own element type (float, long or bool).</summary>
    /// <exception cref="DTypeMismatchException"><typeparamref name="T"/> does not match <see cref="DType"/>.</exception>
    public T[] ToArray<T>()
        where T : unmanaged => Download() as T[]
        ?? throw new DTypeMismatchException($"ToArray<{typeof(T).Name}>: the tensor has dtype {DType}; use ToArray<{ClrName(DType)}>() or ToType first.");

    /// <summary>Returns the single value of a one-element tensor as a float.</summary>
    /// <remarks>PyTorch: <c>Tensor.item()</c>.</remarks>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public float Item()
    {
        ThrowIfNotSingle();
        return ToArray()[0];
    }

    /// <summary>Returns the single value of a one-element tensor as its own element type.</summary>
    /// <remarks>PyTorch: <c>Tensor.item()</c>.</remarks>
    public T Item<T>()
        where T : unmanaged
    {
        ThrowIfNotSingle();
        return ToArray<T>()[0];
    }

    internal static string ClrName(DType dtype) => dtype switch
    {
        DType.Float32 => "float",
        DType.Int64 => "long",
        _ => "bool",
    };

    internal Array Download() => Backend.Download(Storage);

    private void ThrowIfNotSingle()
    {
        if (ElementCount != 1)
        {
            throw new InvalidOperationException($"Item: the tensor has shape {Shape} ({ElementCount} elements); only a one-element tensor converts to a scalar. Use ToArray() instead.");
        }
    }
}
