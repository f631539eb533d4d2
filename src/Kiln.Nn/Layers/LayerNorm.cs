using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Layer normalization over the trailing dimensions, with elementwise affine parameters.</summary>
/// <remarks>PyTorch: <c>torch.nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)</c>; weight ones, bias zeros.</remarks>
public sealed class LayerNorm : Module
{
    private readonly int[] _normalizedShape;

    /// <summary>Creates the layer normalizing over <paramref name="normalizedShape"/>.</summary>
    public LayerNorm(int[] normalizedShape, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        if (normalizedShape.Length == 0)
        {
            throw new ArgumentException("LayerNorm: give at least one normalized dimension.", nameof(normalizedShape));
        }

        _normalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        RegisterParameter("weight", Tensor.Ones(_normalizedShape));
        RegisterParameter("bias", Tensor.Zeros(_normalizedShape));
    }

    /// <summary>Creates the layer normalizing over a last dimension of size <paramref name="normalizedSize"/>.</summary>
    public LayerNorm(int normalizedSize, double eps = 1e-5)
        : this([normalizedSize], eps)
    {
    }

    /// <summary>The trailing shape normalized over.</summary>
    public Shape NormalizedShape => new(_normalizedShape);

    /// <summary>The value added to the variance for stability.</summary>
    public double Eps { get; }

    /// <summary>Normalizes input [..., normalizedShape].</summary>
    /// <exception cref="ShapeMismatchException">The input does not end with the normalized shape.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var k = _normalizedShape.Length;
        if (input.Rank < k || !input.Shape.Skip(input.Rank - k).SequenceEqual(_normalizedShape))
        {
            throw new ShapeMismatchException($"LayerNorm({NormalizedShape}): expected input of shape [..., {string.Join(", ", _normalizedShape)}], got {input.Shape}.");
        }

        return Functional.LayerNorm(input, _normalizedShape, GetParameter("weight"), GetParameter("bias"), (float)Eps);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr()
    {
        var shape = _normalizedShape.Length == 1 ? $"({_normalizedShape[0]},)" : $"({string.Join(", ", _normalizedShape)})";
        return $"{shape}, eps={Py(Eps)}, elementwise_affine=True";
    }
}
