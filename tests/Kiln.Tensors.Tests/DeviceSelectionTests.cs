using Kiln.Tensors;
using Kiln.Tensors.Backends.OpenCl;

namespace Kiln.Tensors.Tests;

public class DeviceSelectionTests
{
    [Fact]
    public void Best_NoCudaAndOnlyOpenClCpuDevices_FallsBackToCpuAndSaysWhy()
    {
        if (Device.Cuda().IsAvailable || OpenClRuntime.Devices.Any(d => d.IsGpu))
        {
            Assert.Skip("This machine has an accelerator, so Best() rightly picks it.");
        }

        var text = Device.ExplainBest();

        Device.Best().ShouldBe(Device.Cpu);
        text.ShouldStartWith("cuda:0: not available: ");
        text.ShouldEndWith("\ncpu: available  <- chosen");
        foreach (var d in OpenClRuntime.Devices)
        {
            text.ShouldContain($"opencl:{d.Ordinal}: available ({d.PlatformName}: {d.Name}, CPU, ");
            text.ShouldContain("not chosen: an OpenCL CPU device computes on the same cores as the CPU backend");
        }
    }

    [Fact]
    public void ExplainBest_NoCudaDriver_NamesTheMissingLibraryAndFix()
    {
        if (Kiln.Tensors.Interop.CudaDriver.Problem is null)
        {
            Assert.Skip("A CUDA driver is installed here.");
        }

        Device.ExplainBest().ShouldContain("cuda:0: not available: libcuda.so.1 not found: install the NVIDIA driver");
    }
}
