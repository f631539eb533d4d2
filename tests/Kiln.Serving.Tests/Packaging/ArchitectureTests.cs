using Kiln.Nn;
using Kiln.Serving.Packaging;

namespace Kiln.Serving.Tests.Packaging;

public class ArchitectureTests
{
    [Fact]
    public void Describe_NotebookMlp_RoundTripsThroughBuild()
    {
        var mlp = new Sequential(new Linear(30, 32), new ReLU(), new Dropout(0.2), new Linear(32, 16, bias: false), new LeakyReLU(0.1), new Linear(16, 2), new Softmax(-1));

        var described = Architecture.Describe(mlp);
        var rebuilt = Architecture.Build(described);

        Architecture.Describe(rebuilt).ShouldBe(described);
        rebuilt.StateDict().Keys.ShouldBe(mlp.StateDict().Keys);
        described[3].Bias.ShouldBe(false);
    }

    [Fact]
    public void Build_UnknownType_NamesTheTypeAndTheChoices()
    {
        var e = Should.Throw<InvalidDataException>(() => Architecture.Build([new LayerSpec { Type = "conv9d" }]));

        e.Message.ShouldContain("conv9d");
        e.Message.ShouldContain("linear");
    }

    [Fact]
    public void Build_LinearWithoutOut_NamesTheMissingField()
    {
        var e = Should.Throw<InvalidDataException>(() => Architecture.Build([new LayerSpec { Type = "linear", In = 3 }]));

        e.Message.ShouldContain("'out'");
    }

    [Fact]
    public void Describe_Convolution_IsNotSupported()
    {
        Should.Throw<NotSupportedException>(() => Architecture.Describe(new Sequential(new Conv2d(1, 2, 3))));
    }
}
