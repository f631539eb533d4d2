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
        var fa = CpuStorage.Of(a).F;
        var fb = CpuStorage.Of(b).F;
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
                var d = dst.AsSpan(o, len);
                if (aRow && bRow)
                {
                    d.Fill(ScalarMath.Apply(kind, fa[ao], fb[bo]));
                }
                else if (bRow)
                {
                    ScalarMath.BinaryScalarRight(kind, fa.AsSpan(ao, len), fb[bo], d);
                }
                else if (aRow)
                {
                    ScalarMath.BinaryScalarLeft(kind, fa[ao], fb.AsSpan(bo, len), d);
                }
                else
                {
                    ScalarMath.Binary(kind, fa.AsSpan(ao, len), fb.AsSpan(bo, len), d);
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
            for (var i = 0; i < len; i++)
            {
                var c = sa.DType switch
                {
                    DType.Float32 => sa.F[ao + (i * aStep)].CompareTo(sb.F[bo + (i * bStep)]),
                    DType.Int64 => sa.L[ao + (i * aStep)].CompareTo(sb.L[bo + (i * bStep)]),
                    _ => sa.B[ao + (i * aStep)].CompareTo(sb.B[bo + (i * bStep)]),
                };
                dst[o + i] = kind switch
                {
                    CompareKind.Eq => c == 0,
                    CompareKind.Ne => c != 0,
                    CompareKind.Gt => c > 0,
                    CompareKind.Ge => c >= 0,
                    CompareKind.Lt => c < 0,
                    _ => c <= 0,
                };
            }
        });
        return new CpuStorage(dst);
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
            if (step == 0 && src.Data is float[] f)
            {
                dst.F.AsSpan(o, len).Fill(f[xo]);
            }
            else if (step == 0)
            {
                for (var i = 0; i < len; i++)
                {
                    Array.Copy(src.Data, xo, dst.Data, o + i, 1);
                }
            }
            else
            {
                Array.Copy(src.Data, xo, dst.Data, o, len);
            }
        });
        return dst;
    }
}
