namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Walks the rows (last dimension) of a broadcast result, yielding each operand's row offset.</summary>
internal static class BroadcastIndexer
{
    public delegate void RowAction(int outOffset, int aOffset, int bOffset);

    /// <summary>Row-major strides of <paramref name="shape"/> aligned right to <paramref name="outShape"/>, 0 where broadcast.</summary>
    public static int[] Strides(int[] shape, int[] outShape)
    {
        var rank = outShape.Length;
        var strides = new int[rank];
        var stride = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            var o = rank - shape.Length + i;
            strides[o] = shape[i] == 1 && outShape[o] != 1 ? 0 : stride;
            stride *= shape[i];
        }

        return strides;
    }

    /// <summary>Calls <paramref name="action"/> once per row of the output (the last dimension).</summary>
    public static void ForEachRow(int[] outShape, int[] aStrides, int[] bStrides, RowAction action)
    {
        var rank = outShape.Length;
        if (rank == 0)
        {
            action(0, 0, 0);
            return;
        }

        var rowLength = outShape[rank - 1];
        var rows = rowLength == 0 ? 0 : Shape.ElementCountOf(outShape) / rowLength;
        var counter = new int[rank];
        int aOff = 0, bOff = 0;
        for (var r = 0; r < rows; r++)
        {
            action(r * rowLength, aOff, bOff);
            for (var d = rank - 2; d >= 0; d--)
            {
                counter[d]++;
                aOff += aStrides[d];
                bOff += bStrides[d];
                if (counter[d] < outShape[d])
                {
                    break;
                }

                aOff -= aStrides[d] * counter[d];
                bOff -= bStrides[d] * counter[d];
                counter[d] = 0;
            }
        }
    }
}
