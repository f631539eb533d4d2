using Kiln.Tensors.Backends.Cpu;

namespace Kiln.Tensors.Backends.Kernels;

/// <summary>Elementwise kernels: unary maps, broadcast binary ops, comparisons, expansion and selection.</summary>
internal abstract partial class GpuBackend
{
    public Storage Unary(UnaryKind kind, Storage x, float alpha = 0, float beta = 0)
    {
        var y = New(DType.Float32, x.Length);
        Run("unary", x.Length, KernelArg.Int((int)kind), Buf(x), Buf(y), KernelArg.Float(alpha), KernelArg.Float(beta), KernelArg.Int(x.Length));
        return y;
    }

    public Storage UnaryGradient(UnaryKind derivative, Storage grad, Storage x, float alpha, float beta)
    {
        var y = New(DType.Float32, x.Length);
        Run("unary_gradient", x.Length, KernelArg.Int((int)derivative), Buf(grad), Buf(x), Buf(y), KernelArg.Float(alpha), KernelArg.Float(beta), KernelArg.Int(x.Length));
        return y;
    }

    public unsafe Storage Binary(BinaryKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape)
    {
        var count = Shape.ElementCountOf(outShape);
        if (outShape.Length > StridedDesc.MaxRank)
        {
            return ViaCpu(cpu => cpu.Binary(kind, Host(a), aShape, Host(b), bShape, outShape));
        }

        var y = New(DType.Float32, count);
        if (a.Length == count && b.Length == count)
        {
            Run("binary_same", count, KernelArg.Int((int)kind), Buf(a), Buf(b), Buf(y), KernelArg.Int(count));
            return y;
        }

        var d = StridedDesc.Create(outShape, BroadcastIndexer.Strides(aShape, outShape), BroadcastIndexer.Strides(bShape, outShape));
        Run("binary_bcast", count, KernelArg.Int((int)kind), Buf(a), Buf(b), Buf(y), KernelArg.Struct(&d), KernelArg.Int(count));
        return y;
    }

    public unsafe Storage Compare(CompareKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape)
    {
        if (outShape.Length > StridedDesc.MaxRank)
        {
            return ViaCpu(cpu => cpu.Compare(kind, Host(a), aShape, Host(b), bShape, outShape));
        }

        var count = Shape.ElementCountOf(outShape);
        var y = New(DType.Bool, count);
        var d = StridedDesc.Create(outShape, BroadcastIndexer.Strides(aShape, outShape), BroadcastIndexer.Strides(bShape, outShape));
        Run($"compare_{Suffix(a.DType)}", count, KernelArg.Int((int)kind), Buf(a), Buf(b), Buf(y), KernelArg.Struct(&d), KernelArg.Int(count));
        return y;
    }

    public unsafe Storage Expand(Storage x, int[] xShape, int[] outShape)
    {
        if (outShape.Length > StridedDesc.MaxRank)
        {
            return ViaCpu(cpu => cpu.Expand(Host(x), xShape, outShape));
        }

        var count = Shape.ElementCountOf(outShape);
        var y = New(x.DType, count);
        var d = StridedDesc.Create(outShape, BroadcastIndexer.Strides(xShape, outShape), []);
        Run($"strided_copy_{Suffix(x.DType)}", count, Buf(x), Buf(y), KernelArg.Struct(&d), KernelArg.Int(count));
        return y;
    }

    public Storage Select(Storage condition, Storage a, Storage b)
    {
        var y = New(DType.Float32, condition.Length);
        Run("select_f32", condition.Length, Buf(condition), Buf(a), Buf(b), Buf(y), KernelArg.Int(condition.Length));
        return y;
    }
}
