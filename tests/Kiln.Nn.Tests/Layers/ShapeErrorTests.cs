using Kiln.Tensors;

namespace Kiln.Nn.Tests.Layers;

public sealed class ShapeErrorTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "linear", "Linear(in_features=4", "[..., 4]", "[2, 3]" },
        { "conv", "Conv2d(3, 8", "[N, 3, H, W]", "[2, 1, 8, 8]" },
        { "batchnorm", "BatchNorm1d(5)", "[N, 5]", "[2, 4]" },
        { "layernorm", "LayerNorm([6])", "[..., 6]", "[2, 5]" },
        { "pool", "MaxPool2d", "[N, C, H, W]", "[2, 8]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_WrongInputShape_NamesLayerExpectedAndActual(string layer, string name, string expected, string actual)
    {
        (Module module, Tensor input) = layer switch
        {
            "linear" => ((Module)new Linear(4, 2), Tensor.Zeros(2, 3)),
            "conv" => (new Conv2d(3, 8, 3), Tensor.Zeros(2, 1, 8, 8)),
            "batchnorm" => (new BatchNorm1d(5), Tensor.Zeros(2, 4)),
            "layernorm" => (new LayerNorm(6), Tensor.Zeros(2, 5)),
            _ => (new MaxPool2d(2), Tensor.Zeros(2, 8)),
        };

        var ex = Should.Throw<ShapeMismatchException>(() => module.Forward(input));

        ex.Message.ShouldContain(name);
        ex.Message.ShouldContain(expected);
        ex.Message.ShouldContain(actual);
    }

    [Fact]
    public void Sequential_WrongShapeInside_ErrorNamesTheInnerLayer()
    {
        var model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(6, 2));
        var ex = Should.Throw<ShapeMismatchException>(() => model.Forward(Tensor.Zeros(3, 4)));
        ex.Message.ShouldContain("Linear(in_features=6, out_features=2)");
        ex.Message.ShouldContain("[3, 8]");
    }

    [Fact]
    public void Embedding_FloatIndices_AsksForInt64()
    {
        var ex = Should.Throw<ArgumentException>(() => new Embedding(10, 3).Forward(Tensor.Zeros(2)));
        ex.Message.ShouldContain("int64");
    }
}
