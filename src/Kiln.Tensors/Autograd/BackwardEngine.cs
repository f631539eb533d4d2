namespace Kiln.Tensors.Autograd;

/// <summary>Reverse-mode differentiation over the recorded tape.</summary>
internal static class BackwardEngine
{
    public static void Run(Tensor root, Tensor gradient)
    {
        var order = TopologicalOrder(root);
        var grads = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [root] = gradient };
        using var noGrad = GradMode.Disable();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var t = order[i];
            if (!grads.Remove(t, out var g))
            {
                continue;
            }

            if (t.GradFn is null)
            {
                t.AccumulateGrad(g);
                continue;
            }

            var inputGrads = t.GradFn.Backward(g);
            var inputs = t.GradFn.Inputs;
            for (var j = 0; j < inputs.Length; j++)
            {
                var gi = inputGrads[j];
                if (gi is null || !inputs[j].RequiresGrad)
                {
                    continue;
                }

                grads[inputs[j]] = grads.TryGetValue(inputs[j], out var existing) ? existing + gi : gi;
            }
        }
    }

    /// <summary>Tensors reachable from <paramref name="root"/> that require grad, each after all of its inputs.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<(Tensor Tensor, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (t, next) = stack.Pop();
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
