using Kiln.Tensors.Tests.Golden;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>The same golden matrix on CUDA; skipped unless KILN_TEST_CUDA=1 (no GPU in CI).</summary>
public sealed class CudaBackendTests
{
    public static TheoryData<string> AllCases => [.. GoldenCase.Names];

    public static TheoryData<string> DifferentiableCases => [.. GoldenCase.DifferentiableNames];

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Forward_PyTorchCaseOnCuda_MatchesReference(string name) =>
        DeviceGoldenCases.Forward(AcceleratorFacts.RequireCuda(), name);

    [Theory]
    [MemberData(nameof(DifferentiableCases))]
    public void Backward_PyTorchCaseOnCuda_MatchesReferenceGradients(string name) =>
        DeviceGoldenCases.Backward(AcceleratorFacts.RequireCuda(), name);
}
