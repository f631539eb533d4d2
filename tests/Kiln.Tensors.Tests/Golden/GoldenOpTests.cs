namespace Kiln.Tensors.Tests.Golden;

public sealed class GoldenOpTests
{
    public static TheoryData<string> AllCases => [.. GoldenCase.Names];

    public static TheoryData<string> DifferentiableCases => [.. GoldenCase.DifferentiableNames];

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Forward_PyTorchCase_MatchesReference(string name)
    {
        var c = GoldenCase.Get(name);
        var extras = new Dictionary<string, Tensor>();

        var output = GoldenOps.Run(c, c.CreateInputs(), extras);

        Approx.ShouldMatch(output, c.Output, $"{name} output");
        foreach (var (key, expected) in c.Extras)
        {
            Approx.ShouldMatch(extras[key], expected, $"{name} {key}");
        }
    }

    [Theory]
    [MemberData(nameof(DifferentiableCases))]
    public void Backward_PyTorchCase_MatchesReferenceGradients(string name)
    {
        var c = GoldenCase.Get(name);
        var inputs = c.CreateInputs();

        GoldenOps.Run(c, inputs).Backward(GoldenCase.ToTensor(c.Upstream));

        var expected = c.Gradients;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (expected[i] is { } g)
            {
                inputs[i].Grad.ShouldNotBeNull($"{name} input {i} gradient");
                Approx.ShouldMatch(inputs[i].Grad!, g, $"{name} input {i} gradient");
            }
            else
            {
                inputs[i].Grad.ShouldBeNull();
            }
        }
    }
}
