using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Autograd;

/// <summary>Reverse-mode differentiation over the recorded tape.</summary>
/// <remarks>
/// Gradients flowing between nodes are private to the engine (leaves receive a copy), so once no pending gradient
/// shares a buffer it is handed back to its backend for reuse. The caller's upstream gradient is never recycled.
/// Unless the graph is retained, every node reached is freed afterwards, and the buffers of intermediates that only the
/// graph could see (<see cref="Storage.OwnedByGraph"/>, never shared by a view) go back to their backend too.
/// </remarks>
internal static class BackwardEngine
{
    public static void Run(Tensor root, Tensor gradient, bool gradientIsOwned, bool retainGraph)
    {
        var scratch = BackwardScratch.Take();
        try
        {
            Run(root, gradient, gradientIsOwned, retainGraph, scratch);
        }
        finally
        {
            scratch.GiveBack();
        }
    }

    private static void Run(Tensor root, Tensor gradient, bool gradientIsOwned, bool retainGraph, BackwardScratch scratch)
    {
        var order = TopologicalOrder(root, scratch);
        var pending = scratch.Pending;
        var references = scratch.References;
        var protectedStorage = gradientIsOwned ? null : gradient.Storage;
        Set(root, gradient);
        using var noGrad = GradMode.Disable();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var t = order[i];
            if (!pending.Remove(t, out var g))
            {
                continue;
            }

            if (t.GradFn is null)
            {
                if (t.Grad is null && references[g.Storage] == 1 && !g.Storage.IsView && !ReferenceEquals(g.Storage, protectedStorage))
                {
                    // The engine owns this buffer and nothing else refers to it: the leaf adopts it instead of a copy.
                    references.Remove(g.Storage);
                    t.Grad = g.Reshape(t.Shape.ToArray());
                    continue;
                }

                t.AccumulateGrad(g);
            }
            else
            {
                var inputGrads = t.GradFn.Backward(g);
                var inputs = t.GradFn.Inputs;
                for (var j = 0; j < inputs.Length; j++)
                {
                    var gi = inputGrads[j];
                    if (gi is null || !inputs[j].RequiresGrad)
                    {
                        continue;
                    }

                    if (pending.Remove(inputs[j], out var existing))
                    {
                        var sum = existing + gi;
                        Unreference(existing.Storage);
                        Set(inputs[j], sum);
                        ReleaseIfFree(gi.Storage, g.Storage);
                    }
                    else
                    {
                        Set(inputs[j], gi);
                    }
                }
            }

            Unreference(g.Storage);
        }

        if (!retainGraph)
        {
            FreeGraph(order, root, protectedStorage);
        }

        void Set(Tensor t, Tensor g)
        {
            pending[t] = g;
            references[g.Storage] = references.GetValueOrDefault(g.Storage) + 1;
        }

        void Unreference(Storage s)
        {
            var count = references[s] - 1;
            if (count > 0)
            {
                references[s] = count;
                return;
            }

            references.Remove(s);
            ReleaseIfFree(s, null);
        }

        void ReleaseIfFree(Storage s, Storage? inUse)
        {
            if (!references.ContainsKey(s) && !ReferenceEquals(s, inUse) && !ReferenceEquals(s, protectedStorage))
            {
                s.Recycle();
            }
        }
    }

    /// <summary>Frees every node of the pass and recycles the buffers that only the graph could see.</summary>
    private static void FreeGraph(List<Tensor> order, Tensor root, Storage? protectedStorage)
    {
        foreach (var t in order)
        {
            if (t.GradFn is null)
            {
                continue;
            }

            t.GradFn.Free();
            var s = t.Storage;
            if (s.OwnedByGraph && s.TensorCount == 1 && !ReferenceEquals(t, root) && !ReferenceEquals(s, protectedStorage))
            {
                s.Recycle();
            }
        }
    }

    /// <summary>Tensors reachable from <paramref name="root"/> that require grad, each after all of its inputs.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root, BackwardScratch scratch)
    {
        var order = scratch.Order;
        var visited = scratch.Visited;
        var stack = scratch.Walk;
        visited.Add(root);
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (t, next) = stack.Pop();
            if (t.GradFn is { IsFreed: true } freed)
            {
                throw freed.FreedError();
            }

            var inputs = t.GradFn?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((t, next + 1));
                var child = inputs[next];
                if (child.RequiresGrad && visited.Add(child))
                {
                    stack.Push((child, 0));
                }
            }
            else
            {
                order.Add(t);
            }
        }

        return order;
    }
}
