namespace Kiln.Tensors.Autograd;

/// <summary>One recorded operation on the tape: its inputs and how to turn the output gradient into input gradients.</summary>
/// <param name="Name">The operation name, shown in <see cref="Tensor.GradFnName"/>.</param>
/// <param name="Inputs">The operation's tensor inputs.</param>
/// <param name="Backward">Maps the output gradient to one gradient per input (null where none is needed).</param>
internal sealed record Node(string Name, Tensor[] Inputs, Func<Tensor, Tensor?[]> Backward);
