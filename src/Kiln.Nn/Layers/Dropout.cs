using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Randomly zeroes elements with probability p during training, scaling the rest by 1/(1−p).</summary>
/// <remarks>PyTorch: <c>torch.nn.Dropout(p=0.5)</c>. Identity in evaluation mode; masks come from <c>generator</c>.</remarks>
public sealed class Dropout : Module
{
    private readonly Generator? _generator;

    /// <summary>Creates the layer.</summary>
    public Dropout(double p = 0.5, Generator? generator = null)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"Dropout: probability {p} must lie in [0, 1].");
        }

        P = p;
        _generator = generator;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double P { get; }

    /// <summary>Applies dropout when training; returns the input unchanged otherwise.</summary>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, (float)P, IsTraining, _generator);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"p={Py(P)}, inplace=False";
}
