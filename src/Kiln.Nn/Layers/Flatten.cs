using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Flattens a range of dimensions into one, by default everything after the batch dimension.</summary>
/// <remarks>PyTorch: <c>torch.nn.Flatten(start_dim=1, end_dim=-1)</c>.</remarks>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <summary>The first dimension flattened.</summary>
    public int StartDim { get; } = startDim;

    /// <summary>The last dimension flattened.</summary>
    public int EndDim { get; } = endDim;

    /// <summary>Flattens the input (a view).</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank <= Math.Max(StartDim, EndDim < 0 ? StartDim : EndDim))
        {
            throw new ShapeMismatchException($"Flatten(start_dim={StartDim}, end_dim={EndDim}): expected an input with more than {Math.Max(StartDim, EndDim)} dimensions, got {input.Shape}.");
        }

        return input.Flatten(StartDim, EndDim);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"start_dim={StartDim}, end_dim={EndDim}";
}
