using Kiln.Tensors;

namespace Kiln.Nn.Data;

/// <summary>A dataset of tensors that share their first dimension; sample i is the i-th row of each.</summary>
/// <remarks>PyTorch: <c>torch.utils.data.TensorDataset(*tensors)</c>.</remarks>
public sealed class TensorDataset : IDataset
{
    private readonly Tensor[] _tensors;

    /// <summary>Creates the dataset.</summary>
    /// <exception cref="ShapeMismatchException">The tensors differ in their first dimension.</exception>
    public TensorDataset(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0 || Array.Exists(tensors, t => t is null || t.Rank == 0))
        {
            throw new ArgumentException("TensorDataset: pass at least one tensor, each with a first (sample) dimension.", nameof(tensors));
        }

        var n = tensors[0].Shape[0];
        if (Array.Find(tensors, t => t.Shape[0] != n) is { } bad)
        {
            throw new ShapeMismatchException($"TensorDataset: tensors of shapes {tensors[0].Shape} and {bad.Shape} differ in their first dimension; every tensor needs one row per sample.");
        }

        _tensors = [.. tensors.Select(t => t.Detach())];
        Count = n;
    }

    /// <summary>The tensors, each [Count, …].</summary>
    public IReadOnlyList<Tensor> Tensors => _tensors;

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> this[int index] => [.. _tensors.Select(t => t[index])];

    /// <summary>Gathers the rows at <paramref name="indices"/> of every tensor, in that order.</summary>
    public IReadOnlyList<Tensor> Rows(long[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var index = Tensor.FromArray(indices, indices.Length);
        return [.. _tensors.Select(t => t.IndexSelect(0, index.To(t.Device)))];
    }
}
