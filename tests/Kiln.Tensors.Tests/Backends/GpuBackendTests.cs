using Kiln.Tensors.Backends;
using Kiln.Tensors.Backends.Kernels;
using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Tests.Backends;

public sealed class GpuBackendTests
{
    [Fact]
    public void To_CudaWithoutDriver_ThrowsNamingLibraryAndFix()
    {
        if (CudaDriver.Problem is null)
        {
            Assert.Skip("A CUDA driver is installed here.");
        }

        var ex = Should.Throw<NotSupportedException>(() => Tensor.Ones(2).To(Device.Cuda()));

        ex.Message.ShouldStartWith("Device 'cuda:0' is not available: libcuda.so.1 not found: install the NVIDIA driver");
        Device.Cuda().IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public void To_OpenClIndexBeyondDevices_ThrowsNamingTheCount()
    {
        AcceleratorFacts.RequireOpenCl();

        var ex = Should.Throw<NotSupportedException>(() => Tensor.Ones(2).To(Device.OpenCl(5)));

        ex.Message.ShouldContain("there is no opencl:5");
    }

    [Fact]
    public void IndexSelect_OutOfRangeIndexOnOpenCl_ThrowsAndDeviceStaysUsable()
    {
        var device = AcceleratorFacts.RequireOpenCl();
        var x = Tensor.FromArray([1f, 2f, 3f], 3).To(device);

        Should.Throw<IndexOutOfRangeException>(() => x.IndexSelect(0, Tensor.FromArray([0L, 3L], 2).To(device)));

        x.IndexSelect(0, Tensor.FromArray([2L, 0L], 2).To(device)).ToArray().ShouldBe([3f, 1f]);
    }

    [Fact]
    public void Release_ThenAllocateSameSize_ReusesCachedDeviceBuffer()
    {
        var backend = (GpuBackend)BackendRegistry.Get(AcceleratorFacts.RequireOpenCl());
        var first = (GpuStorage)backend.Allocate(DType.Float32, 1000);
        var handle = first.Handle;

        backend.Release(first);
        var second = (GpuStorage)backend.Allocate(DType.Float32, 1000);

        second.Handle.ShouldBe(handle);
        backend.Download(second).ShouldBe(new float[1000]);
    }

    [Fact]
    public void Allocate_ManyDroppedTensors_ReusesDeviceMemoryInsteadOfGrowing()
    {
        var device = AcceleratorFacts.RequireOpenCl();
        var backend = (GpuBackend)BackendRegistry.Get(device);
        var before = backend.Memory.AllocatedBytes;

        for (var i = 0; i < 400; i++)
        {
            _ = Tensor.Zeros(new Shape(1 << 20), device: device);
            if (i % 50 == 49)
            {
                // Dropped tensors hand their buffers back from finalizers; collect deterministically so the test does
                // not depend on when the GC happens to run (other tests allocate concurrently).
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }

        (backend.Memory.AllocatedBytes - before).ShouldBeLessThan(1L << 30, "400 dropped 4 MiB tensors (1.6 GiB) should mostly reuse collected buffers");
    }

    [Fact]
    public void ToArray_EveryDTypeOnOpenCl_RoundTrips()
    {
        var device = AcceleratorFacts.RequireOpenCl();

        Tensor.FromArray([1.5f, -2f], 2).To(device).ToArray().ShouldBe([1.5f, -2f]);
        Tensor.FromArray([long.MaxValue, -3L], 2).To(device).ToArray<long>().ShouldBe([long.MaxValue, -3L]);
        Tensor.FromArray([true, false, true], 3).To(device).ToArray<bool>().ShouldBe([true, false, true]);
        Tensor.FromArray([1.5f, 0f], 2).To(device).ToType(DType.Bool).ToArray<bool>().ShouldBe([true, false]);
    }

    [Fact]
    public void Report_OnThisMachine_ListsLibrariesDevicesAndFixes()
    {
        var report = DeviceDiagnostics.Report();

        report.Libraries.Select(l => l.Name).ShouldContain("libOpenCL.so.1");
        report.Libraries.Where(l => !l.Loaded).ShouldAllBe(l => l.Fix != null && l.Path == null);
        report.Libraries.Where(l => l.Loaded).ShouldAllBe(l => l.Fix == null);
        report.Best.ShouldBe(Device.Best());
        report.ToString().ShouldContain("Best device: " + Device.Best());
        if (BackendRegistry.Problem(Device.OpenCl()) is null)
        {
            report.Libraries.Single(l => l.Name == "libOpenCL.so.1").Path.ShouldNotBeNull().ShouldContain("libOpenCL.so");
            report.Devices.ShouldContain(d => d.Device.Equals(Device.OpenCl()) && d.ComputeUnits > 0 && d.MemoryBytes > 0);
        }

        if (CudaDriver.Problem is not null)
        {
            report.Fixes.ShouldContain(f => f.StartsWith("libcuda.so.1: install the NVIDIA driver", StringComparison.Ordinal));
        }
    }
}
