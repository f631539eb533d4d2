using Kiln.Tensors;

namespace Kiln.Nn.Data;

/// <summary>A finite, indexable collection of samples, each a fixed number of tensors (e.g. features and label).</summary>
/// <remarks>PyTorch: <c>torch.utils.data.Dataset</c> (map-style).</remarks>
public interface IDataset
{
    /// <summary>The number of samples.</summary>
    /// <remarks>PyTorch: <c>len(dataset)</c>.</remarks>
    int Count { get; }

    /// <summary>Gets the tensors of sample <paramref name="index"/>.</summary>
    /// <remarks>PyTorch: <c>dataset[index]</c>.</remarks>
    IReadOnlyList<Tensor> this[int index] { get; }
}
