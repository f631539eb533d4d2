using Kiln.Tensors.Backends;
using Kiln.Tensors.Backends.Cpu;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>
/// A stand-in accelerator for tests: its own device and storage type, computing by forwarding to the CPU backend.
/// It proves that ops reach memory only through <see cref="IBackend"/>, as a GPU backend would need.
/// </summary>
internal sealed class ForwardingBackend : IBackend
{
    private static readonly CpuBackend Cpu = CpuBackend.Instance;

    private ForwardingBackend()
    {
    }

    public static Device FakeDevice { get; } = new(DeviceType.OpenCl, 7);

    public static ForwardingBackend Instance { get; } = Register();

    public Device Device => FakeDevice;

    public int KernelCalls;

    public Storage Allocate(DType dtype, int length) => W(Cpu.Allocate(dtype, length));

    public Storage Full(DType dtype, int length, double value) => W(Cpu.Full(dtype, length, value));

    public Storage Upload(Array host) => W(Cpu.Upload(host));

    public Array Download(Storage storage) => Cpu.Download(U(storage));

    public Storage Cast(Storage x, DType dtype) => W(Cpu.Cast(U(x), dtype));

    public Storage Unary(UnaryKind kind, Storage x, float alpha = 0, float beta = 0) => W(Cpu.Unary(kind, U(x), alpha, beta));

    public Storage UnaryGradient(UnaryKind derivative, Storage grad, Storage x, float alpha, float beta) =>
        W(Cpu.UnaryGradient(derivative, U(grad), U(x), alpha, beta));

    public Storage Binary(BinaryKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape) =>
        W(Cpu.Binary(kind, U(a), aShape, U(b), bShape, outShape));

    public Storage Compare(CompareKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape) =>
        W(Cpu.Compare(kind, U(a), aShape, U(b), bShape, outShape));

    public Storage Select(Storage condition, Storage a, Storage b) => W(Cpu.Select(U(condition), U(a), U(b)));

    public Storage Expand(Storage x, int[] xShape, int[] outShape) => W(Cpu.Expand(U(x), xShape, outShape));

    public Storage Reduce(ReduceKind kind, Storage x, int outer, int n, int inner) => W(Cpu.Reduce(kind, U(x), outer, n, inner));

    public Storage Permute(Storage x, int[] shape, int[] perm) => W(Cpu.Permute(U(x), shape, perm));

    public Storage Slice(Storage x, int outer, int n, int inner, int start, int step, int count) =>
        W(Cpu.Slice(U(x), outer, n, inner, start, step, count));

    public Storage SliceBackward(Storage grad, int outer, int n, int inner, int start, int step, int count) =>
        W(Cpu.SliceBackward(U(grad), outer, n, inner, start, step, count));

    public Storage Concat(IReadOnlyList<Storage> parts, int outer, int[] sizes, int inner) =>
        W(Cpu.Concat(parts.Select(U).ToArray(), outer, sizes, inner));

    public Storage IndexSelect(Storage x, int outer, int n, int inner, Storage index) => W(Cpu.IndexSelect(U(x), outer, n, inner, U(index)));

    public Storage IndexAdd(Storage grad, int outer, int n, int inner, Storage index) => W(Cpu.IndexAdd(U(grad), outer, n, inner, U(index)));

    public Storage Gather(Storage x, int[] xShape, int dim, Storage index, int[] indexShape) =>
        W(Cpu.Gather(U(x), xShape, dim, U(index), indexShape));

    public Storage ScatterAdd(Storage src, int[] outShape, int dim, Storage index, int[] indexShape) =>
        W(Cpu.ScatterAdd(U(src), outShape, dim, U(index), indexShape));

    public void MatMulAccumulate(Storage destination, Storage a, Storage b, int m, int k, int n, bool transA, bool transB) =>
        Cpu.MatMulAccumulate(U(destination), U(a), U(b), m, k, n, transA, transB);

    public Storage MatMul(Storage a, Storage b, int batch, int m, int k, int n, bool transA, bool transB, bool broadcastA, bool broadcastB) =>
        W(Cpu.MatMul(U(a), U(b), batch, m, k, n, transA, transB, broadcastA, broadcastB));

    public Storage Softmax(Storage x, int outer, int n, int inner, bool log) => W(Cpu.Softmax(U(x), outer, n, inner, log));

    public Storage Im2Col(Storage x, ConvGeometry g) => W(Cpu.Im2Col(U(x), g));

    public (Storage Values, Storage Indices) MaxPool2d(Storage x, ConvGeometry g)
    {
        var (values, indices) = Cpu.MaxPool2d(U(x), g);
        return (W(values), W(indices));
    }

    public Storage MaxPool2dBackward(Storage grad, Storage indices, ConvGeometry g) => W(Cpu.MaxPool2dBackward(U(grad), U(indices), g));

    public Storage Col2Im(Storage cols, ConvGeometry g) => W(Cpu.Col2Im(U(cols), g));

    public void CopyInto(Storage destination, Storage source) => Cpu.CopyInto(U(destination), U(source));

    public Storage? ViewOf(Storage x, int offset, int length) => Cpu.ViewOf(U(x), offset, length) is { } view ? W(view) : null;

    public void Release(Storage storage) => Cpu.Release(U(storage));

    public void AddScaledInPlace(Storage destination, Storage source, float alpha) => Cpu.AddScaledInPlace(U(destination), U(source), alpha);

    public void ScaleInPlace(Storage destination, float alpha) => Cpu.ScaleInPlace(U(destination), alpha);

    public void FillInPlace(Storage destination, double value) => Cpu.FillInPlace(U(destination), value);

    public void AddRowInPlace(Storage destination, Storage row) => Cpu.AddRowInPlace(U(destination), U(row));

    public void AdamUpdate(Storage parameter, Storage gradient, Storage expAvg, Storage expAvgSq, AdamCoefficients coefficients) =>
        Cpu.AdamUpdate(U(parameter), U(gradient), U(expAvg), U(expAvgSq), coefficients);

    private static ForwardingBackend Register()
    {
        var backend = new ForwardingBackend();
        BackendRegistry.Register(backend);
        return backend;
    }

    private Storage W(Storage inner)
    {
        Interlocked.Increment(ref KernelCalls);
        return new Wrapped(inner);
    }

    private static Storage U(Storage s) => s is Wrapped w
        ? w.Inner
        : throw new InvalidOperationException($"The fake device was handed a {s.Backend.Device} buffer.");

    private sealed class Wrapped(Storage inner) : Storage(inner.DType, inner.Length)
    {
        public Storage Inner { get; } = inner;

        public override IBackend Backend => Instance;
    }
}
