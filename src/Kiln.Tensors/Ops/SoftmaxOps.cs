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
                ? [g - (y!.Exp() * g.Sum([d], keepDim: true))]
                : [y! * (g - (g * y!).Sum([d], keepDim: true))];
        });
        return y;
    }
}
