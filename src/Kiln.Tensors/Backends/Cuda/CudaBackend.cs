using System.Text;
using Kiln.Tensors.Backends.Kernels;
using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Backends.Cuda;

/// <summary>
/// The CUDA backend: the device's primary context, the legacy default stream (so every call is ordered), Kiln's kernels
/// compiled by NVRTC from the same source as OpenCL's, and GEMM through cuBLAS.
/// </summary>
internal sealed unsafe class CudaBackend : GpuBackend
{
    private const int BlockSize = 256;

    [ThreadStatic]
    private static nint _threadContext;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, nint> _functions = [];
    private readonly CudaDriver _cu;
    private readonly nint _context;
    private readonly nint _module;
    private readonly nint _blas;

    private CudaBackend(CudaDriver cu, NvrtcNative nvrtc, CudaDeviceInfo info)
        : base(Device.Cuda(info.Ordinal), Math.Max(256L << 20, info.TotalMemoryBytes * 3 / 4))
    {
        _cu = cu;
        Info = info;
        nint context;
        cu.Check(cu.DevicePrimaryCtxRetain(&context, info.Handle), "cuDevicePrimaryCtxRetain");
        _context = context;
        EnsureContext();
        var ptx = nvrtc.CompileToPtx(KernelSource.Cuda, "kiln_ops.cu", info.Major, info.Minor);
        nint module;
        fixed (byte* p = ptx)
        {
            cu.Check(cu.ModuleLoadData(&module, p), "cuModuleLoadData (a driver older than NVRTC rejects its PTX: update the NVIDIA driver)");
        }

        _module = module;
        if (CuBlasNative.Instance is { } blas)
        {
            nint handle;
            var status = blas.Create(&handle);
            _blas = status == 0 ? handle : 0;
            BlasProblem = status == 0 ? null : $"cublasCreate failed with status {status}";
        }
        else
        {
            BlasProblem = CuBlasNative.Problem;
        }
    }

    /// <summary>The device this backend computes on.</summary>
    public CudaDeviceInfo Info { get; }

    /// <summary>Why cuBLAS is not used, or null.</summary>
    public string? BlasProblem { get; }

    public override string GemmPath => _blas != 0
        ? $"cuBLAS cublasSgemmStridedBatched ({CuBlasNative.Instance!.LoadedFrom})"
        : "Kiln naive CUDA GEMM kernel; " + BlasProblem;

    /// <summary>Creates the backend for <c>cuda:<paramref name="index"/></c>, or explains why it cannot.</summary>
    public static CudaBackend Create(int index)
    {
        if (CudaRuntime.ProblemWith(index) is { } problem)
        {
            throw new NotSupportedException($"Device 'cuda:{index}' is not available: {problem}.");
        }

        return new CudaBackend(CudaDriver.Instance!, NvrtcNative.Instance!, CudaRuntime.Devices[index]);
    }

    internal override nint AllocateRaw(long bytes)
    {
        EnsureContext();
        ulong pointer;
        var status = _cu.MemAlloc(&pointer, (nuint)bytes);
        if (status == CudaDriver.ErrorOutOfMemory)
        {
            return 0;
        }

        _cu.Check(status, "cuMemAlloc");
        return (nint)pointer;
    }

    internal override void FreeRaw(nint handle)
    {
        EnsureContext();
        _cu.Check(_cu.MemFree((ulong)handle), "cuMemFree");
    }

    protected override void WriteRaw(nint destination, void* source, long bytes)
    {
        EnsureContext();
        _cu.Check(_cu.MemcpyHtoD((ulong)destination, source, (nuint)bytes), "cuMemcpyHtoD");
    }

    protected override void ReadRaw(nint source, void* destination, long bytes)
    {
        EnsureContext();
        _cu.Check(_cu.MemcpyDtoH(destination, (ulong)source, (nuint)bytes), "cuMemcpyDtoH");
    }

    protected override void CopyRaw(nint destination, nint source, long bytes)
    {
        EnsureContext();
        _cu.Check(_cu.MemcpyDtoD((ulong)destination, (ulong)source, (nuint)bytes), "cuMemcpyDtoD");
    }

    protected override void LaunchRaw(string kernel, int count, ReadOnlySpan<KernelArg> args)
    {
        EnsureContext();
        var function = Function(kernel);
        var values = stackalloc long[args.Length];
        var pointers = stackalloc void*[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            switch (a.Kind)
            {
                case KernelArgKind.Buffer: values[i] = a.Handle; break;
                case KernelArgKind.Float: *(float*)&values[i] = a.Single; break;
                case KernelArgKind.Int: *(int*)&values[i] = (int)a.Value; break;
                case KernelArgKind.Long: values[i] = a.Value; break;
                default: break;
            }

            pointers[i] = a.Kind == KernelArgKind.Struct ? a.StructPointer : &values[i];
        }

        var blocks = (uint)((count + BlockSize - 1) / BlockSize);
        _cu.Check(_cu.LaunchKernel(function, blocks, 1, 1, BlockSize, 1, 1, 0, 0, pointers, null), $"cuLaunchKernel({kernel})");
    }

    protected override bool TryVendorGemm(in GemmCall call)
    {
        if (_blas == 0 || CuBlasNative.Instance is not { } blas)
        {
            return false;
        }

        EnsureContext();

        // cuBLAS is column-major: a row-major C = op(A)·op(B) is the column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, so swap the operands.
        float alpha = 1, beta = 0;
        var status = blas.SgemmStridedBatched(
            _blas,
            call.TransB ? CuBlasNative.OpT : CuBlasNative.OpN,
            call.TransA ? CuBlasNative.OpT : CuBlasNative.OpN,
            call.N, call.M, call.K, &alpha,
            (ulong)call.B, call.TransB ? call.K : call.N, call.StrideB,
            (ulong)call.A, call.TransA ? call.M : call.K, call.StrideA,
            &beta, (ulong)call.C, call.N, (long)call.M * call.N, call.Batch);
        if (status != 0)
        {
            throw new InvalidOperationException($"cuBLAS: cublasSgemmStridedBatched failed with status {status} ({call.M}x{call.K} by {call.K}x{call.N}, batch {call.Batch}).");
        }

        return true;
    }

    private void EnsureContext()
    {
        if (_threadContext != _context)
        {
            _cu.Check(_cu.CtxSetCurrent(_context), "cuCtxSetCurrent");
            _threadContext = _context;
        }
    }

    private nint Function(string name)
    {
        lock (_gate)
        {
            if (_functions.TryGetValue(name, out var function))
            {
                return function;
            }

            var bytes = Encoding.ASCII.GetBytes(name + "\0");
            fixed (byte* n = bytes)
            {
                _cu.Check(_cu.ModuleGetFunction(&function, _module, n), $"cuModuleGetFunction({name})");
            }

            _functions[name] = function;
            return function;
        }
    }
}
