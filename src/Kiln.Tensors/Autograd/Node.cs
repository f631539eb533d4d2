namespace Kiln.Tensors.Autograd;

/// <summary>One recorded operation on the tape: its inputs and how to turn the output gradient into input gradients.</summary>
/// <param name="name">The operation name, shown in <see cref="Tensor.GradFnName"/>.</param>
/// <param name="inputs">The operation's tensor inputs.</param>
/// <param name="backward">Maps the output gradient to one gradient per input (null where none is needed).</param>
/// <remarks>A backward pass without retainGraph frees the node: it drops its inputs and the tensors its closure saved.</remarks>
internal sealed class Node(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
{
    private Tensor[] _inputs = inputs;
    private Func<Tensor, Tensor?[]>? _backward = backward;

    /// <summary>The operation name.</summary>
    public string Name { get; } = name;

    /// <summary>The operation's tensor inputs; empty once freed.</summary>
    public Tensor[] Inputs => _inputs;

    /// <summary>Whether a backward pass has freed this node's saved tensors.</summary>
    public bool IsFreed => _backward is null;

    /// <summary>Maps the output gradient to one gradient per input.</summary>
    public Tensor?[] Backward(Tensor gradient) => (_backward ?? throw FreedError())(gradient);

    /// <summary>Drops the inputs and the saved tensors, so the graph no longer keeps them alive.</summary>
    public void Free()
    {
        _backward = null;
        _inputs = [];
    }

    /// <summary>The error for a backward pass through a freed graph, in PyTorch's terms.</summary>
    public InvalidOperationException FreedError() => new(
        $"Backward: trying to backward through the graph a second time ({Name} was already freed). A backward pass frees "
        + "the graph's saved tensors; call Backward(retainGraph: true) the first time to backward through it again.");
}
