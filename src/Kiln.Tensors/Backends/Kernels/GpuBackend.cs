using System.Runtime.InteropServices;
using Kiln.Tensors.Backends.Cpu;

namespace Kiln.Tensors.Backends.Kernels;

/// <summary>
/// The host side shared by the OpenCL and CUDA backends: every <see cref="IBackend"/> kernel becomes a launch of one of the
/// kernels in Ops.kernels. A derived backend supplies only memory, copies, launches and GEMM for its API.
/// </summary>
internal abstract partial class GpuBackend : IBackend
{
    private readonly Lock _indexGate = new();
    private GpuStorage? _errorFlag;

    protected GpuBackend(Device device, long memoryBudgetBytes)
    {
        Device = device;
        Memory = new DeviceMemoryCache(this, memoryBudgetBytes);
    }

    public Device Device { get; }

    /// <summary>The device's caching allocator.</summary>
    public DeviceMemoryCache Memory { get; }

    /// <summary>Which path matrix products take on this device, for diagnostics.</summary>
    public abstract string GemmPath { get; }

    /// <summary>Allocates device memory, returning 0 when the device is out of memory.</summary>
    internal abstract nint AllocateRaw(long bytes);

    internal abstract void FreeRaw(nint handle);

    protected abstract unsafe void WriteRaw(nint destination, void* source, long bytes);

    protected abstract unsafe void ReadRaw(nint source, void* destination, long bytes);

    protected abstract void CopyRaw(nint destination, nint source, long bytes);

    /// <summary>Runs kernel <paramref name="kernel"/> over <paramref name="count"/> threads (count &gt; 0).</summary>
    protected abstract void LaunchRaw(string kernel, int count, ReadOnlySpan<KernelArg> args);

    /// <summary>Vendor GEMM (row-major, batch strides in elements, 0 broadcasts); false when none is usable.</summary>
    protected abstract bool TryVendorGemm(in GemmCall call);

    public Storage Allocate(DType dtype, int length) => Full(dtype, length, 0);

    public Storage Full(DType dtype, int length, double value)
    {
        var s = New(dtype, length);
        FillInPlace(s, value);
        return s;
    }

    public unsafe Storage Upload(Array host)
    {
        var dtype = host switch
        {
            float[] => DType.Float32,
            long[] => DType.Int64,
            bool[] => DType.Bool,
            _ => throw new ArgumentException($"Cannot upload a {host.GetType().Name}; use float[], long[] or bool[].", nameof(host)),
        };
        var s = New(dtype, host.Length);
        var bytes = (long)host.Length * ElementSize(dtype);
        if (bytes > 0)
        {
            var handle = GCHandle.Alloc(host, GCHandleType.Pinned);
            try
            {
                WriteRaw(s.Handle, (void*)handle.AddrOfPinnedObject(), bytes);
            }
            finally
            {
                handle.Free();
            }
        }

        return s;
    }

    public unsafe Array Download(Storage storage)
    {
        var s = Of(storage);
        Array host = s.DType switch
        {
            DType.Float32 => new float[s.Length],
            DType.Int64 => new long[s.Length],
            _ => new bool[s.Length],
        };
        var bytes = (long)s.Length * ElementSize(s.DType);
        if (bytes > 0)
        {
            var handle = GCHandle.Alloc(host, GCHandleType.Pinned);
            try
            {
                ReadRaw(s.Handle, (void*)handle.AddrOfPinnedObject(), bytes);
            }
            finally
            {
                handle.Free();
            }
        }

        return host;
    }

    public Storage Cast(Storage x, DType dtype)
    {
        var s = Of(x);
        var y = New(dtype, s.Length);
        if (s.DType == dtype)
        {
            CopyInto(y, s);
        }
        else
        {
            Run($"cast_{Suffix(s.DType)}_{Suffix(dtype)}", s.Length, Buf(s), Buf(y), KernelArg.Int(s.Length));
        }

        return y;
    }

    public void CopyInto(Storage destination, Storage source)
    {
        var bytes = (long)source.Length * ElementSize(source.DType);
        if (bytes > 0)
        {
            CopyRaw(Of(destination).Handle, Of(source).Handle, bytes);
        }
    }

    public void Release(Storage storage) => Of(storage).Release();

    /// <summary>No views on the device: a cl_mem can only be offset through aligned sub-buffers, so slices copy.</summary>
    public Storage? ViewOf(Storage x, int offset, int length) => null;

    public void AddScaledInPlace(Storage destination, Storage source, float alpha) =>
        Run("axpy", destination.Length, Buf(destination), Buf(source), KernelArg.Float(alpha), KernelArg.Int(destination.Length));

    public void ScaleInPlace(Storage destination, float alpha) => Run(
        "unary", destination.Length, KernelArg.Int((int)UnaryKind.Scale), Buf(destination), Buf(destination),
        KernelArg.Float(alpha), KernelArg.Float(0), KernelArg.Int(destination.Length));

    public void AddRowInPlace(Storage destination, Storage row) =>
        Run("add_row", destination.Length, Buf(destination), Buf(row), KernelArg.Int(row.Length), KernelArg.Int(destination.Length));

    public void FillInPlace(Storage destination, double value)
    {
        var n = destination.Length;
        switch (destination.DType)
        {
            case DType.Float32: Run("fill_f32", n, Buf(destination), KernelArg.Float((float)value), KernelArg.Int(n)); break;
            case DType.Int64: Run("fill_i64", n, Buf(destination), KernelArg.Long((long)value), KernelArg.Int(n)); break;
            default: Run("fill_u8", n, Buf(destination), KernelArg.Int(value != 0 ? 1 : 0), KernelArg.Int(n)); break;
        }
    }

    internal static int ElementSize(DType dtype) => dtype switch
    {
        DType.Float32 => 4,
        DType.Int64 => 8,
        _ => 1,
    };

    internal static string Suffix(DType dtype) => dtype switch
    {
        DType.Float32 => "f32",
        DType.Int64 => "i64",
        _ => "u8",
    };

    /// <summary>An uninitialized device storage.</summary>
    protected GpuStorage New(DType dtype, int length)
    {
        var (handle, bytes) = Memory.Rent((long)length * ElementSize(dtype));
        return new GpuStorage(this, dtype, length, handle, bytes);
    }

    protected GpuStorage Of(Storage storage) => storage is GpuStorage g && ReferenceEquals(g.Owner, this)
        ? g
        : throw new InvalidOperationException($"The {Device} backend was handed a {storage.Backend.Device} buffer; move the tensor with .To({Device}) first.");

    protected KernelArg Buf(Storage storage) => KernelArg.Buffer(Of(storage).Handle);

    protected void Run(string kernel, int count, params ReadOnlySpan<KernelArg> args)
    {
        if (count > 0)
        {
            LaunchRaw(kernel, count, args);
        }
    }

    /// <summary>
    /// Runs an index kernel whose last argument is the device's error flag, then reads the flag and throws when the kernel
    /// saw an index outside 0..<paramref name="dimensionSize"/>−1. One lock spans launch and check, so concurrent callers
    /// never see each other's errors.
    /// </summary>
    protected unsafe void RunChecked(int dimensionSize, string kernel, int count, params ReadOnlySpan<KernelArg> args)
    {
        if (count == 0)
        {
            return;
        }

        lock (_indexGate)
        {
            _errorFlag ??= (GpuStorage)Full(DType.Bool, 4, 0);
            Span<KernelArg> all = stackalloc KernelArg[args.Length + 1];
            args.CopyTo(all);
            all[^1] = Buf(_errorFlag);
            LaunchRaw(kernel, count, all);
            int flag;
            ReadRaw(_errorFlag.Handle, &flag, sizeof(int));
            if (flag != 0)
            {
                FillInPlace(_errorFlag, 0);
                throw new IndexOutOfRangeException($"An index is out of range for a dimension of size {dimensionSize}; indices must lie in 0..{dimensionSize - 1}.");
            }
        }
    }

    /// <summary>Runs a CPU kernel on host copies, for the rare shapes the device kernels do not cover.</summary>
    protected Storage ViaCpu(Func<CpuBackend, Storage> kernel) => Upload(CpuStorage.Of(kernel(CpuBackend.Instance)).ToArray());

    protected CpuStorage Host(Storage storage) => Download(storage) switch
    {
        float[] f => new CpuStorage(f),
        long[] l => new CpuStorage(l),
        var b => new CpuStorage((bool[])b),
    };
}

/// <summary>One batched row-major GEMM: C[i] = op(A[i]) · op(B[i]) with batch strides in elements (0 broadcasts).</summary>
internal readonly record struct GemmCall(
    nint A, nint B, nint C, int Batch, int M, int K, int N, bool TransA, bool TransB, long StrideA, long StrideB);
