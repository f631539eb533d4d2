using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>A fully connected layer: y = x · Wᵀ + b.</summary>
/// <remarks>
/// PyTorch: <c>torch.nn.Linear(in_features, out_features, bias)</c>. Weight [out, in] and bias [out] start uniform in
/// ±1/√inFeatures (PyTorch's kaiming-uniform with a = √5), drawn from <c>generator</c> (default <see cref="Generator.Default"/>).
/// </remarks>
public sealed class Linear : Module
{
    /// <summary>Creates the layer with freshly initialized parameters.</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        RegisterParameter("weight", Init.KaimingUniformDefault(new Shape(outFeatures, inFeatures), inFeatures, generator));
        RegisterParameter("bias", bias ? Init.Uniform(new Shape(outFeatures), 1 / Math.Sqrt(inFeatures), generator) : null);
    }

    /// <summary>The size of each input sample.</summary>
    public int InFeatures { get; }

    /// <summary>The size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, shape [outFeatures, inFeatures].</summary>
    public Tensor Weight => GetParameter("weight")!;

    /// <summary>The bias, shape [outFeatures], or null.</summary>
    public Tensor? Bias => GetParameter("bias");

    /// <summary>Maps input [..., inFeatures] to [..., outFeatures].</summary>
    /// <exception cref="ShapeMismatchException">The last input dimension is not <see cref="InFeatures"/>.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank == 0 || input.Shape[-1] != InFeatures)
        {
            throw new ShapeMismatchException($"Linear(in_features={InFeatures}, out_features={OutFeatures}): expected input of shape [..., {InFeatures}], got {input.Shape}.");
        }

        return Functional.Linear(input, Weight, Bias);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={Py(Bias is not null)}";
}
