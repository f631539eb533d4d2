using System.Collections;

namespace Kiln.Tensors;

/// <summary>The dimensions of a tensor, outermost first; a rank-0 shape describes a scalar.</summary>
/// <remarks>PyTorch: <c>torch.Size</c>. Formats as <c>[2, 3]</c>.</remarks>
public readonly struct Shape : IReadOnlyList<int>, IEquatable<Shape>
{
    private readonly int[]? _dims;

    /// <summary>Creates a shape from its dimensions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public Shape(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        foreach (var d in dims)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(dims));
        }

        _dims = (int[])dims.Clone();
    }

    private Shape(int[] dims, bool owned) => _dims = owned ? dims : (int[])dims.Clone();

    /// <summary>The number of dimensions.</summary>
    /// <remarks>PyTorch: <c>Tensor.dim()</c>.</remarks>
    public int Rank => Dims.Length;

    /// <summary>The number of dimensions (same as <see cref="Rank"/>).</summary>
    public int Count => Dims.Length;

    /// <summary>The number of elements a tensor of this shape holds (1 for a scalar).</summary>
    /// <remarks>PyTorch: <c>Tensor.numel()</c>.</remarks>
    public int ElementCount => ElementCountOf(Dims);

    /// <summary>Gets the size of dimension <paramref name="index"/>; negative indices count from the end.</summary>
    public int this[int index] => Dims[Normalize(index)];

    internal int[] Dims => _dims ?? [];

    /// <summary>Converts an array of dimensions to a shape.</summary>
    public static implicit operator Shape(int[] dims) => new(dims);

    /// <summary>Returns whether two shapes have the same dimensions.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Returns whether two shapes differ.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <summary>Returns a copy of the dimensions.</summary>
    public int[] ToArray() => (int[])Dims.Clone();

    /// <inheritdoc/>
    public bool Equals(Shape other) => Dims.AsSpan().SequenceEqual(other.Dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Shape other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in Dims)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats the shape as <c>[2, 3]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Dims) + "]";

    /// <inheritdoc/>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)Dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static Shape Wrap(int[] dims) => new(dims, owned: true);

    internal static int ElementCountOf(ReadOnlySpan<int> dims)
    {
        long n = 1;
        foreach (var d in dims)
        {
            n *= d;
        }

        if (n > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(dims), $"A tensor of shape [{string.Join(", ", dims.ToArray())}] has {n} elements, more than a CPU buffer can hold ({Array.MaxLength}).");
        }

        return (int)n;
    }

    internal int Normalize(int index)
    {
        var rank = Dims.Length;
        var i = index < 0 ? index + rank : index;
        if (i < 0 || i >= rank)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Dimension {index} is out of range for shape {this} (rank {rank}); use 0..{rank - 1} or -{rank}..-1.");
        }

        return i;
    }
}
