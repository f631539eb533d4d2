using System.Collections;
using Kiln.Tensors;

namespace Kiln.Nn.Data;

/// <summary>Iterates a dataset in mini-batches, optionally shuffled with a seeded generator; each batch is one tensor per dataset field.</summary>
/// <remarks>
/// PyTorch: <c>torch.utils.data.DataLoader(dataset, batch_size=1, shuffle=False, drop_last=False, generator)</c>.
/// Each enumeration is one epoch; with shuffling every epoch draws a new permutation from the loader's generator, so a
/// loader created with the same seed yields the same batches in the same order, bit for bit. Single-process.
/// </remarks>
public sealed class DataLoader : IEnumerable<IReadOnlyList<Tensor>>
{
    private readonly Generator _generator;

    /// <summary>Creates the loader.</summary>
    public DataLoader(IDataset dataset, int batchSize = 1, bool shuffle = false, bool dropLast = false, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        (Dataset, BatchSize, Shuffle, DropLast) = (dataset, batchSize, shuffle, dropLast);
        _generator = new Generator(seed);
    }

    /// <summary>The dataset batched.</summary>
    public IDataset Dataset { get; }

    /// <summary>The number of samples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch visits the samples in a new random order.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a final batch smaller than <see cref="BatchSize"/> is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>The number of batches per epoch.</summary>
    /// <remarks>PyTorch: <c>len(loader)</c>.</remarks>
    public int Count => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>Yields the batches of one epoch.</summary>
    public IEnumerator<IReadOnlyList<Tensor>> GetEnumerator()
    {
        var order = NextOrder();
        for (var b = 0; b < Count; b++)
        {
            var start = b * BatchSize;
            var indices = order[start..Math.Min(start + BatchSize, order.Length)];
            yield return Dataset is TensorDataset tensors ? tensors.Rows(indices) : Collate(indices);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private long[] NextOrder()
    {
        var order = new long[Dataset.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (Shuffle)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = (int)_generator.NextInt64(0, i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        return order;
    }

    private Tensor[] Collate(long[] indices)
    {
        var samples = indices.Select(i => Dataset[(int)i]).ToList();
        var fields = samples[0].Count;
        if (samples.Exists(s => s.Count != fields))
        {
            throw new InvalidOperationException($"DataLoader: samples have different numbers of tensors; every sample of the dataset must have {fields}.");
        }

        return [.. Enumerable.Range(0, fields).Select(f => Tensor.Stack(samples.Select(s => s[f]).ToList()))];
    }
}
