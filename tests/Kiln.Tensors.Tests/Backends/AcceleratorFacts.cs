using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>Skips device tests when their runtime is missing, with the reason the backend gives.</summary>
internal static class AcceleratorFacts
{
    /// <summary>The device of kind <c>opencl</c> or <c>cuda</c>, or a skip saying why not.</summary>
    public static Device Require(string kind) => kind == "cuda" ? RequireCuda() : RequireOpenCl();

    /// <summary>The OpenCL device the tests use (PoCL's CPU device in CI), or a skip naming what is missing.</summary>
    public static Device RequireOpenCl()
    {
        var device = Device.OpenCl();
        if (BackendRegistry.Problem(device) is { } problem)
        {
            Assert.Skip($"OpenCL is not available here: {problem}.");
        }

        return device;
    }

    /// <summary>The CUDA device, only when KILN_TEST_CUDA=1 asks for the CUDA tests.</summary>
    public static Device RequireCuda()
    {
        if (Environment.GetEnvironmentVariable("KILN_TEST_CUDA") != "1")
        {
            Assert.Skip("CUDA tests run only with KILN_TEST_CUDA=1 on a machine with an NVIDIA GPU, driver, NVRTC and cuBLAS.");
        }

        var device = Device.Cuda();
        if (BackendRegistry.Problem(device) is { } problem)
        {
            Assert.Fail($"KILN_TEST_CUDA=1 but CUDA is not available: {problem}.");
        }

        return device;
    }
}
