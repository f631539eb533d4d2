using Kiln.Tensors.Autograd;

namespace Kiln.Tensors;

/// <summary>In-place facet: the few mutating operations optimizers and running statistics need.</summary>
public sealed partial class Tensor
{
    /// <summary>Overwrites this tensor's values with <paramref name="source"/>'s (same shape and dtype).</summary>
    /// <remarks>PyTorch: <c>Tensor.copy_()</c>. Not recorded by autograd; views sharing the storage see the change.</remarks>
    public Tensor CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfInPlaceForbidden(nameof(CopyFrom));
        if (source.Shape != Shape)
        {
            throw new ShapeMismatchException(nameof(CopyFrom), Shape, source.Shape, "differ; CopyFrom needs equal shapes.");
        }

        DTypeMismatchException.ThrowIfNot(nameof(CopyFrom), source, DType, "source");
        Backend.CopyInto(Storage, source.Device.Equals(Device) ? source.Storage : source.To(Device).Storage);
        return this;
    }

    /// <summary>Adds <paramref name="alpha"/> · <paramref name="other"/> to this float tensor in place.</summary>
    /// <remarks>PyTorch: <c>Tensor.add_(other, alpha=alpha)</c>.</remarks>
    public Tensor AddInPlace(Tensor other, float alpha = 1f)
    {
        ArgumentNullException.ThrowIfNull(other);
        ThrowIfInPlaceForbidden(nameof(AddInPlace));
        DTypeMismatchException.ThrowIfNot(nameof(AddInPlace), this, DType.Float32, "the tensor");
        DTypeMismatchException.ThrowIfNot(nameof(AddInPlace), other, DType.Float32, "other");
        DeviceMismatchException.ThrowIfDifferent(nameof(AddInPlace), this, other);
        if (other.Shape != Shape)
        {
            throw new ShapeMismatchException(nameof(AddInPlace), Shape, other.Shape, "differ; AddInPlace needs equal shapes.");
        }

        Backend.AddScaledInPlace(Storage, other.Storage, alpha);
        return this;
    }

    /// <summary>Multiplies this float tensor by <paramref name="factor"/> in place.</summary>
    /// <remarks>PyTorch: <c>Tensor.mul_(factor)</c>.</remarks>
    public Tensor MulInPlace(float factor)
    {
        ThrowIfInPlaceForbidden(nameof(MulInPlace));
        DTypeMismatchException.ThrowIfNot(nameof(MulInPlace), this, DType.Float32, "the tensor");
        Backend.ScaleInPlace(Storage, factor);
        return this;
    }

    /// <summary>Sets every element to <paramref name="value"/> in place.</summary>
    /// <remarks>PyTorch: <c>Tensor.fill_(value)</c>.</remarks>
    public Tensor Fill(double value)
    {
        ThrowIfInPlaceForbidden(nameof(Fill));
        Backend.FillInPlace(Storage, value);
        return this;
    }

    private void ThrowIfInPlaceForbidden(string operation)
    {
        if (RequiresGrad && GradMode.IsEnabled)
        {
            throw new InvalidOperationException($"{operation}: this tensor requires grad, so an in-place change would corrupt the graph; do it inside using (Tensor.NoGrad()) {{ … }}.");
        }
    }
}
