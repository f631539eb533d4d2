namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of softmax and log-softmax along one dimension.</summary>
internal static class SoftmaxOps
{
    public static Tensor Softmax(Tensor x, int dim, bool log)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Float(log ? "LogSoftmax" : "Softmax", x);
        var d = x.Shape.Normalize(dim);
        var (outer, n, inner) = Guard.Split(x.Dims, d);
        Tensor? y = null;
        y = Tensor.FromOp(x.Backend.Softmax(x.Storage, outer, n, inner, log), x.Dims, log ? "LogSoftmaxBackward" : "SoftmaxBackward", [x], g =>
        {
            // softmax: dx = y ⊙ (g − Σ g⊙y);  log-softmax: dx = g − exp(y) ⊙ Σ g.
            return log
                ? [LogSoftmaxGradient(g, y!, d)]
                : [y! * (g - (g * y!).Sum([d], keepDim: true))];
        });
        return y;
    }

    /// <summary>g − exp(y) ⊙ Σ g, handing its temporaries back to the backend as soon as they are used.</summary>
    private static Tensor LogSoftmaxGradient(Tensor g, Tensor y, int d)
    {
        var probabilities = y.Exp();
        var total = g.Sum([d], keepDim: true);
        var scaled = probabilities * total;
        probabilities.RecycleTemporary();
        total.RecycleTemporary();
        var gradient = g - scaled;
        scaled.RecycleTemporary();
        return gradient;
    }
}
