using Kiln.Tensors;

namespace Kiln.Tensors.Tests;

public class DeviceSelectionTests
{
    [Fact]
    public void Best_NoAcceleratorBackend_FallsBackToCpuAndSaysWhy()
    {
        Device.Cuda().IsAvailable.ShouldBeFalse();

        Device.Best().ShouldBe(Device.Cpu);
        Device.ExplainBest().ShouldBe(
            "cuda:0: not available: no backend for it is registered in this process\n" +
            "opencl:0: not available: no backend for it is registered in this process\n" +
            "cpu: available  <- chosen");
    }
}
