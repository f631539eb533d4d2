namespace Kiln.Tensors.Ops;

/// <summary>Shared argument checks for ops: dtype, device and broadcast compatibility.</summary>
internal static class Guard
{
    public static void Float(string op, Tensor t, string role = "input") =>
        DTypeMismatchException.ThrowIfNot(op, t, DType.Float32, role);

    public static void SameDevice(string op, Tensor a, Tensor b) => DeviceMismatchException.ThrowIfDifferent(op, a, b);

    /// <summary>The broadcast shape of two shapes (NumPy rules), or a <see cref="ShapeMismatchException"/> naming both.</summary>
    public static int[] BroadcastShape(string op, int[] a, int[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ShapeMismatchException(op, Shape.Wrap(a), Shape.Wrap(b), $"cannot be broadcast (dimension {i}: {da} != {db}).");
            }

            result[i] = da == 1 ? db : da;
        }

        return result;
    }

    /// <summary>Splits <paramref name="shape"/> around <paramref name="dim"/> into (outer, n, inner).</summary>
    public static (int Outer, int N, int Inner) Split(int[] shape, int dim)
    {
        int outer = 1, inner = 1;
        for (var i = 0; i < dim; i++) { outer *= shape[i]; }
        for (var i = dim + 1; i < shape.Length; i++) { inner *= shape[i]; }
        return (outer, shape[dim], inner);
    }

    public static int[] With(int[] shape, int dim, int size)
    {
        var r = (int[])shape.Clone();
        r[dim] = size;
        return r;
    }
}
