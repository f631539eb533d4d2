using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Autograd;

/// <summary>The collections one backward pass works in, kept per thread so that a training loop reuses them every step.</summary>
/// <remarks>Cleared when handed back, so they never keep a tensor alive between passes.</remarks>
internal sealed class BackwardScratch
{
    [ThreadStatic]
    private static BackwardScratch? _cached;

    private BackwardScratch()
    {
    }

    /// <summary>The tensors of the pass, each after all of its inputs.</summary>
    public List<Tensor> Order { get; } = [];

    /// <summary>The tensors already placed in <see cref="Order"/> or on the <see cref="Walk"/>.</summary>
    public HashSet<Tensor> Visited { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The depth-first walk: a tensor and the index of its next input to visit.</summary>
    public Stack<(Tensor Tensor, int Next)> Walk { get; } = new();

    /// <summary>Gradients computed for a tensor and not yet passed on.</summary>
    public Dictionary<Tensor, Tensor> Pending { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many pending gradients share each buffer.</summary>
    public Dictionary<Storage, int> References { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>This thread's scratch, or a new one while it is in use (a pass started from inside another).</summary>
    public static BackwardScratch Take()
    {
        var scratch = _cached ?? new BackwardScratch();
        _cached = null;
        return scratch;
    }

    /// <summary>Clears the collections and keeps them for this thread's next pass.</summary>
    public void GiveBack()
    {
        Order.Clear();
        Visited.Clear();
        Walk.Clear();
        Pending.Clear();
        References.Clear();
        _cached = this;
    }
}
