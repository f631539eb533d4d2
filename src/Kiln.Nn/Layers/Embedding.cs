using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>A lookup table mapping int64 indices to learned vectors.</summary>
/// <remarks>PyTorch: <c>torch.nn.Embedding(num_embeddings, embedding_dim)</c>; the weight starts standard normal.</remarks>
public sealed class Embedding : Module
{
    /// <summary>Creates the table.</summary>
    public Embedding(int numEmbeddings, int embeddingDim, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDim);
        (NumEmbeddings, EmbeddingDim) = (numEmbeddings, embeddingDim);
        RegisterParameter("weight", Init.Normal(new Shape(numEmbeddings, embeddingDim), generator));
    }

    /// <summary>The number of rows (the vocabulary size).</summary>
    public int NumEmbeddings { get; }

    /// <summary>The size of each vector.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The table, shape [numEmbeddings, embeddingDim].</summary>
    public Tensor Weight => GetParameter("weight")!;

    /// <summary>Looks up int64 <paramref name="input"/> of any shape, giving input.shape + [embeddingDim].</summary>
    /// <exception cref="ArgumentException">The input is not int64.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.DType != DType.Int64)
        {
            throw new ArgumentException($"Embedding({NumEmbeddings}, {EmbeddingDim}): expected int64 indices, got {input.DType}; convert with ToType(DType.Int64).", nameof(input));
        }

        return Functional.Embedding(input, Weight);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{NumEmbeddings}, {EmbeddingDim}";
}
