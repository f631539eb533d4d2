using System.Numerics.Tensors;

namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Elementwise kernels: unary maps, broadcast binary ops, comparisons and expansion.</summary>
internal sealed partial class CpuBackend
{
    public Storage Unary(UnaryKind kind, Storage x, float alpha = 0, float beta = 0)
    {
        var src = CpuStorage.Of(x).F;
        var dst = CpuStorage.Floats(src.Length);
        ScalarMath.Unary(kind, src, dst, alpha, beta);
        return new CpuStorage(dst);
    }

    public Storage UnaryGradient(UnaryKind derivative, Storage grad, Storage x, float alpha, float beta)
    {
        var src = CpuStorage.Of(x).F;
        var dst = CpuStorage.Floats(src.Length);
        ScalarMath.UnaryGradient(derivative, CpuStorage.Of(grad).F, src, dst, alpha, beta);
        return new CpuStorage(dst);
    }

    public Storage Binary(BinaryKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape)
    {
        var (sa, sb) = (CpuStorage.Of(a), CpuStorage.Of(b));
        var fa = sa.F;
        var fb = sb.F;
        var dst = CpuStorage.Floats(Shape.ElementCountOf(outShape));
        if (fa.Length == dst.Length && fb.Length == dst.Length)
        {
            ScalarMath.Binary(kind, fa, fb, dst);
        }
        else if (fb.Length == 1 && fa.Length == dst.Length)
        {
            ScalarMath.BinaryScalarRight(kind, fa, fb[0], dst);
        }
        else if (fa.Length == 1 && fb.Length == dst.Length)
        {
            ScalarMath.BinaryScalarLeft(kind, fa[0], fb, dst);
        }
        else
        {
            var aStr = BroadcastIndexer.Strides(aShape, outShape);
            var bStr = BroadcastIndexer.Strides(bShape, outShape);
            var len = outShape.Length == 0 ? 1 : outShape[^1];
            var aRow = outShape.Length > 0 && aStr[^1] == 0;
            var bRow = outShape.Length > 0 && bStr[^1] == 0;
            BroadcastIndexer.ForEachRow(outShape, aStr, bStr, (o, ao, bo) =>
            {
                var xa = sa.F;
                var xb = sb.F;
                var d = dst.AsSpan(o, len);
                if (aRow && bRow)
                {
                    d.Fill(ScalarMath.Apply(kind, xa[ao], xb[bo]));
                }
                else if (bRow)
                {
                    ScalarMath.BinaryScalarRight(kind, xa.Slice(ao, len), xb[bo], d);
                }
                else if (aRow)
                {
                    ScalarMath.BinaryScalarLeft(kind, xa[ao], xb.Slice(bo, len), d);
                }
                else
                {
                    ScalarMath.Binary(kind, xa.Slice(ao, len), xb.Slice(bo, len), d);
                }
            });
        }

        return new CpuStorage(dst);
    }

    public Storage Compare(CompareKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape)
    {
        var sa = CpuStorage.Of(a);
        var sb = CpuStorage.Of(b);
        var dst = new bool[Shape.ElementCountOf(outShape)];
        var aStr = BroadcastIndexer.Strides(aShape, outShape);
        var bStr = BroadcastIndexer.Strides(bShape, outShape);
        var len = outShape.Length == 0 ? 1 : outShape[^1];
        var aStep = outShape.Length == 0 ? 0 : aStr[^1];
        var bStep = outShape.Length == 0 ? 0 : bStr[^1];
        BroadcastIndexer.ForEachRow(outShape, aStr, bStr, (o, ao, bo) =>
        {
            var row = dst.AsSpan(o, len);
            switch (sa.DType)
            {
                case DType.Float32: CompareRow(kind, sa.F[ao..], aStep, sb.F[bo..], bStep, row); break;
                case DType.Int64: CompareRow(kind, sa.L[ao..], aStep, sb.L[bo..], bStep, row); break;
                default: CompareRow(kind, sa.B[ao..], aStep, sb.B[bo..], bStep, row); break;
            }
        });
        return new CpuStorage(dst);
    }

    private static void CompareRow<T>(CompareKind kind, ReadOnlySpan<T> a, int aStep, ReadOnlySpan<T> b, int bStep, Span<bool> row)
        where T : IComparable<T>
    {
        for (var i = 0; i < row.Length; i++)
        {
            var c = a[i * aStep].CompareTo(b[i * bStep]);
            row[i] = kind switch
            {
                CompareKind.Eq => c == 0,
                CompareKind.Ne => c != 0,
                CompareKind.Gt => c > 0,
                CompareKind.Ge => c >= 0,
                CompareKind.Lt => c < 0,
                _ => c <= 0,
            };
        }
    }

    public Storage Select(Storage condition, Storage a, Storage b)
    {
        var c = CpuStorage.Of(condition).B;
        var fa = CpuStorage.Of(a).F;
        var fb = CpuStorage.Of(b).F;
        var dst = CpuStorage.Floats(c.Length);
        for (var i = 0; i < dst.Length; i++)
        {
            dst[i] = c[i] ? fa[i] : fb[i];
        }

        return new CpuStorage(dst);
    }

    public Storage Expand(Storage x, int[] xShape, int[] outShape)
    {
        var src = CpuStorage.Of(x);
        var dst = CpuStorage.Uninitialized(src.DType, Shape.ElementCountOf(outShape));
        var xStr = BroadcastIndexer.Strides(xShape, outShape);
        var len = outShape.Length == 0 ? 1 : outShape[^1];
        var step = outShape.Length == 0 ? 0 : xStr[^1];
        BroadcastIndexer.ForEachRow(outShape, xStr, xStr, (o, xo, _) =>
        {
            if (step == 0 && src.DType == DType.Float32)
            {
                dst.F.Slice(o, len).Fill(src.F[xo]);
            }
            else if (step == 0)
            {
                for (var i = 0; i < len; i++)
                {
                    src.CopyTo(xo, dst, o + i, 1);
                }
            }
            else
            {
                src.CopyTo(xo, dst, o, len);
            }
        });
        return dst;
    }
}
