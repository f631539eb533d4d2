using System.Text;
using Kiln.Tensors.Backends.Kernels;
using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Backends.OpenCl;

/// <summary>The OpenCL backend: one context and in-order queue per device, Kiln's kernels built from source, GEMM through CLBlast.</summary>
internal sealed unsafe class OpenClBackend : GpuBackend
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, nint> _kernels = [];
    private readonly nint _context;
    private readonly nint _queue;
    private readonly nint _program;
    private string? _clblastProblem;

    private OpenClBackend(OpenClDeviceInfo info)
        : base(Device.OpenCl(info.Ordinal), Math.Max(256L << 20, info.GlobalMemoryBytes / 2))
    {
        Info = info;
        var device = info.Handle;
        int error;
        _context = OpenClNative.CreateContext(null, 1, &device, 0, 0, &error);
        OpenClNative.Check(error, "clCreateContext");
        _queue = OpenClNative.CreateCommandQueue(_context, device, 0, &error);
        OpenClNative.Check(error, "clCreateCommandQueue");
        _program = Build(_context, device, KernelSource.OpenCl);
    }

    /// <summary>The device this backend computes on.</summary>
    public OpenClDeviceInfo Info { get; }

    public override string GemmPath => ClBlastNative.IsAvailable && _clblastProblem is null
        ? $"CLBlast CLBlastSgemm ({ClBlastNative.Library})"
        : "Kiln naive OpenCL GEMM kernel; " + (_clblastProblem ?? ClBlastNative.MissingMessage);

    /// <summary>Creates the backend for <c>opencl:<paramref name="index"/></c>, or explains why it cannot.</summary>
    public static OpenClBackend Create(int index)
    {
        if (OpenClRuntime.ProblemWith(index) is { } problem)
        {
            throw new NotSupportedException($"Device 'opencl:{index}' is not available: {problem}.");
        }

        return new OpenClBackend(OpenClRuntime.Devices[index]);
    }

    internal override nint AllocateRaw(long bytes)
    {
        int error;
        var buffer = OpenClNative.CreateBuffer(_context, OpenClNative.MemReadWrite, (nuint)bytes, null, &error);
        if (error is OpenClNative.MemObjectAllocationFailure or OpenClNative.OutOfResources or OpenClNative.OutOfHostMemory)
        {
            return 0;
        }

        OpenClNative.Check(error, "clCreateBuffer");
        return buffer;
    }

    internal override void FreeRaw(nint handle) => OpenClNative.Check(OpenClNative.ReleaseMemObject(handle), "clReleaseMemObject");

    protected override void WriteRaw(nint destination, void* source, long bytes)
    {
        lock (_gate)
        {
            OpenClNative.Check(OpenClNative.EnqueueWriteBuffer(_queue, destination, 1, 0, (nuint)bytes, source, 0, null, null), "clEnqueueWriteBuffer");
        }
    }

    protected override void ReadRaw(nint source, void* destination, long bytes)
    {
        lock (_gate)
        {
            OpenClNative.Check(OpenClNative.EnqueueReadBuffer(_queue, source, 1, 0, (nuint)bytes, destination, 0, null, null), "clEnqueueReadBuffer");
        }
    }

    protected override void CopyRaw(nint destination, nint source, long bytes)
    {
        lock (_gate)
        {
            OpenClNative.Check(OpenClNative.EnqueueCopyBuffer(_queue, source, destination, 0, 0, (nuint)bytes, 0, null, null), "clEnqueueCopyBuffer");
        }
    }

    protected override void LaunchRaw(string kernel, int count, ReadOnlySpan<KernelArg> args)
    {
        lock (_gate)
        {
            var k = Kernel(kernel);
            for (var i = 0; i < args.Length; i++)
            {
                var a = args[i];
                var handle = a.Handle;
                var value = a.Value;
                var int32 = (int)a.Value;
                var single = a.Single;
                var status = a.Kind switch
                {
                    KernelArgKind.Buffer => OpenClNative.SetKernelArg(k, (uint)i, (nuint)sizeof(nint), &handle),
                    KernelArgKind.Int => OpenClNative.SetKernelArg(k, (uint)i, sizeof(int), &int32),
                    KernelArgKind.Long => OpenClNative.SetKernelArg(k, (uint)i, sizeof(long), &value),
                    KernelArgKind.Float => OpenClNative.SetKernelArg(k, (uint)i, sizeof(float), &single),
                    _ => OpenClNative.SetKernelArg(k, (uint)i, (nuint)a.StructSize, a.StructPointer),
                };
                OpenClNative.Check(status, $"clSetKernelArg({kernel}, {i})");
            }

            var global = (nuint)((count + 63) & ~63);
            OpenClNative.Check(OpenClNative.EnqueueNdRangeKernel(_queue, k, 1, null, &global, null, 0, null, null), $"clEnqueueNDRangeKernel({kernel})");
        }
    }

    protected override bool TryVendorGemm(in GemmCall call)
    {
        if (!ClBlastNative.IsAvailable || _clblastProblem is not null)
        {
            return false;
        }

        lock (_gate)
        {
            var queue = _queue;
            for (var i = 0; i < call.Batch; i++)
            {
                var status = ClBlastNative.Sgemm(
                    ClBlastNative.LayoutRowMajor,
                    call.TransA ? ClBlastNative.TransposeYes : ClBlastNative.TransposeNo,
                    call.TransB ? ClBlastNative.TransposeYes : ClBlastNative.TransposeNo,
                    (nuint)call.M, (nuint)call.N, (nuint)call.K, 1f,
                    call.A, (nuint)(i * call.StrideA), (nuint)(call.TransA ? call.M : call.K),
                    call.B, (nuint)(i * call.StrideB), (nuint)(call.TransB ? call.K : call.N), 0f,
                    call.C, (nuint)((long)i * call.M * call.N), (nuint)call.N, &queue, null);
                if (status != 0)
                {
                    _clblastProblem = $"CLBlastSgemm returned status {status} on {Info.Name}";
                    return false;
                }
            }
        }

        return true;
    }

    private static nint Build(nint context, nint device, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        int error;
        nint program;
        fixed (byte* p = bytes)
        {
            var text = p;
            var length = (nuint)bytes.Length;
            program = OpenClNative.CreateProgramWithSource(context, 1, &text, &length, &error);
        }

        OpenClNative.Check(error, "clCreateProgramWithSource");
        var options = "-cl-std=CL1.2\0"u8;
        int status;
        fixed (byte* o = options)
        {
            status = OpenClNative.BuildProgram(program, 1, &device, o, 0, 0);
        }

        if (status != OpenClNative.Success)
        {
            nuint size;
            OpenClNative.GetProgramBuildInfo(program, device, OpenClNative.ProgramBuildLog, 0, null, &size);
            var log = new byte[(int)size];
            fixed (byte* l = log)
            {
                OpenClNative.GetProgramBuildInfo(program, device, OpenClNative.ProgramBuildLog, size, l, null);
            }

            throw new InvalidOperationException($"OpenCL: building Kiln's kernels failed (error {status}); the compiler said:\n{Encoding.UTF8.GetString(log).TrimEnd('\0')}");
        }

        return program;
    }

    private nint Kernel(string name)
    {
        if (_kernels.TryGetValue(name, out var kernel))
        {
            return kernel;
        }

        var bytes = Encoding.ASCII.GetBytes(name + "\0");
        int error;
        fixed (byte* n = bytes)
        {
            kernel = OpenClNative.CreateKernel(_program, n, &error);
        }

        OpenClNative.Check(error, $"clCreateKernel({name})");
        _kernels[name] = kernel;
        return kernel;
    }
}
