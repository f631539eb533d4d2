using Kiln.Tensors.Tests.Golden;

namespace Kiln.Tensors.Tests.Backends;

public sealed class OpenClBackendTests
{
    public static TheoryData<string> AllCases => [.. GoldenCase.Names];

    public static TheoryData<string> DifferentiableCases => [.. GoldenCase.DifferentiableNames];

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Forward_PyTorchCaseOnOpenCl_MatchesReference(string name) =>
        DeviceGoldenCases.Forward(AcceleratorFacts.RequireOpenCl(), name);

    [Theory]
    [MemberData(nameof(DifferentiableCases))]
    public void Backward_PyTorchCaseOnOpenCl_MatchesReferenceGradients(string name) =>
        DeviceGoldenCases.Backward(AcceleratorFacts.RequireOpenCl(), name);
}
