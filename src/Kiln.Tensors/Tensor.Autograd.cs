using Kiln.Tensors.Autograd;
using Kiln.Tensors.Backends;

namespace Kiln.Tensors;

/// <summary>Autograd facet: gradient tracking, backward and gradient scopes.</summary>
public sealed partial class Tensor
{
    private bool _requiresGrad;
    private Tensor? _grad;

    /// <summary>Whether operations on this tensor are recorded so <see cref="Backward"/> can compute its gradient.</summary>
    /// <remarks>PyTorch: <c>Tensor.requires_grad</c>. Only leaf float32 tensors can be switched.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is not a leaf, or is not float32.</exception>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (GradFn is not null)
            {
                throw new InvalidOperationException("RequiresGrad can only be changed on leaf tensors; call Detach() to get a leaf.");
            }

            if (value && DType != DType.Float32)
            {
                throw new InvalidOperationException($"Only float32 tensors can require gradients; this one is {DType}.");
            }

            _requiresGrad = value;
        }
    }

    /// <summary>The gradient accumulated by <see cref="Backward"/> for a leaf tensor, or null.</summary>
    /// <remarks>PyTorch: <c>Tensor.grad</c>. Set it to null (or call <see cref="ZeroGrad"/>) before the next step.</remarks>
    public Tensor? Grad
    {
        get => _grad;
        set
        {
            if (value is not null && value.Shape != Shape)
            {
                throw new ShapeMismatchException("Grad", Shape, value.Shape, "differ; a gradient must have the tensor's shape.");
            }

            _grad = value;
        }
    }

    /// <summary>Whether this tensor was created by the user rather than recorded from an operation.</summary>
    /// <remarks>PyTorch: <c>Tensor.is_leaf</c>.</remarks>
    public bool IsLeaf => GradFn is null;

    /// <summary>The name of the operation that produced this tensor, or null for a leaf.</summary>
    /// <remarks>PyTorch: <c>Tensor.grad_fn</c>.</remarks>
    public string? GradFnName => GradFn?.Name;

    /// <summary>Whether operations are currently recorded on this thread.</summary>
    /// <remarks>PyTorch: <c>torch.is_grad_enabled()</c>.</remarks>
    public static bool IsGradEnabled => GradMode.IsEnabled;

    internal Node? GradFn { get; private set; }

    /// <summary>Disables gradient recording on this thread until the returned scope is disposed.</summary>
    /// <remarks>PyTorch: <c>torch.no_grad()</c>; use as <c>using (Tensor.NoGrad()) { … }</c>.</remarks>
    public static IDisposable NoGrad() => GradMode.Disable();

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for fluent creation.</summary>
    /// <remarks>PyTorch: <c>Tensor.requires_grad_()</c>.</remarks>
    public Tensor RequireGrad(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Clears the accumulated gradient.</summary>
    /// <remarks>PyTorch: <c>Tensor.grad = None</c> (what <c>zero_grad(set_to_none=True)</c> does).</remarks>
    public void ZeroGrad() => _grad = null;

    /// <summary>Returns a tensor sharing this storage that is cut from the graph and does not require grad.</summary>
    /// <remarks>PyTorch: <c>Tensor.detach()</c>.</remarks>
    public Tensor Detach() => new(Storage, _shape);

    /// <summary>Computes gradients of this tensor with respect to every leaf that requires grad, adding them to their <see cref="Grad"/>.</summary>
    /// <param name="gradient">The upstream gradient, shaped like this tensor; optional for one-element tensors (1 is used).</param>
    /// <param name="retainGraph">Keeps the graph, so a later backward pass through it accumulates again.</param>
    /// <remarks>
    /// PyTorch: <c>Tensor.backward(gradient, retain_graph)</c>. Without <paramref name="retainGraph"/> the pass frees the
    /// graph: its nodes drop their saved tensors, and intermediates nothing else can see give their buffers back for reuse.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The tensor does not require grad, is not scalar and no gradient was given, or its graph was freed by an earlier pass.
    /// </exception>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
    {
        if (!RequiresGrad)
        {
            throw new InvalidOperationException("Backward: this tensor does not require grad; set RequiresGrad = true on the leaf inputs before computing it, outside Tensor.NoGrad().");
        }

        if (gradient is null)
        {
            if (ElementCount != 1)
            {
                throw new InvalidOperationException($"Backward: the tensor has shape {Shape}; pass a gradient of that shape, or reduce it to one element first (e.g. .Sum()).");
            }

            BackwardEngine.Run(this, OnesLike(this), gradientIsOwned: true, retainGraph);
            return;
        }
        else
        {
            if (gradient.Shape != Shape)
            {
                throw new ShapeMismatchException("Backward", Shape, gradient.Shape, "differ; the gradient must have the tensor's shape.");
            }

            DeviceMismatchException.ThrowIfDifferent("Backward", this, gradient);
            gradient = gradient.Detach();
        }

        BackwardEngine.Run(this, gradient, gradientIsOwned: false, retainGraph);
    }

    /// <summary>
    /// Declares this recorded result an intermediate that only the graph sees (no caller or module keeps it), so a backward
    /// pass that frees the graph hands its buffer back for reuse, unless a view came to share it.
    /// </summary>
    internal void HandToGraph()
    {
        if (GradFn is not null)
        {
            Storage.OwnedByGraph = true;
        }
    }

    /// <summary>Hands the buffer of a temporary that its creator is done with back to the backend, unless a view shares it.</summary>
    /// <remarks>Only for results an op made for itself and never let out (e.g. inside a backward function).</remarks>
    internal void RecycleTemporary()
    {
        if (Storage.TensorCount == 1)
        {
            Storage.Recycle();
        }
    }

    /// <summary>Wraps a kernel result, recording <paramref name="backward"/> when grad mode is on and an input requires grad.</summary>
    internal static Tensor FromOp(Storage storage, int[] shape, string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        var result = new Tensor(storage, shape);
        if (GradMode.IsEnabled && Array.Exists(inputs, t => t.RequiresGrad))
        {
            result.GradFn = new Node(name, inputs, backward);
            result._requiresGrad = true;
        }

        return result;
    }

    internal void AccumulateGrad(Tensor g)
    {
        if (_grad is null)
        {
            var copy = Backend.Allocate(DType, ElementCount);
            Backend.CopyInto(copy, g.Storage);
            _grad = new Tensor(copy, _shape);
        }
        else
        {
            Backend.AddScaledInPlace(_grad.Storage, g.Storage, 1f);
        }
    }
}
