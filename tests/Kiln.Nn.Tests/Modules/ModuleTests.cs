using Kiln.Display;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Modules;

public sealed class ModuleTests
{
    private static Sequential BnMlp() =>
        new(new Linear(4, 6), new BatchNorm1d(6), new GELU(), new Dropout(0.2), new LayerNorm(6), new Linear(6, 2));

    [Fact]
    public void StateDict_MixedLayers_HasPyTorchNamesShapesAndDtypes()
    {
        var expected = Fixture.Load("misc.json").GetProperty("bnMlp");
        var state = BnMlp().StateDict();

        state.Keys.ShouldBe(expected.GetProperty("names").EnumerateArray().Select(e => e.GetString()!));
        state.Values.Select(t => t.Shape.ToArray()).ShouldBe(expected.GetProperty("shapes").EnumerateArray().Select(s => s.EnumerateArray().Select(d => d.GetInt32()).ToArray()));
        state.Values.Select(t => t.DType == DType.Int64 ? "torch.int64" : "torch.float32")
            .ShouldBe(expected.GetProperty("dtypes").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void ToString_MixedLayers_EqualsPyTorchRepr()
    {
        var expected = Fixture.Load("misc.json");
        BnMlp().ToString().ShouldBe(expected.GetProperty("bnMlp").GetProperty("repr").GetString());
        new Embedding(10, 3).ToString().ShouldBe(expected.GetProperty("embedding").GetProperty("repr").GetString());
    }

    [Fact]
    public void ParameterCount_EqualsPyTorch() =>
        BnMlp().ParameterCount.ShouldBe(Fixture.Load("misc.json").GetProperty("bnMlp").GetProperty("parameterCount").GetInt64());

    [Fact]
    public void TrainAndEval_SetModeRecursively()
    {
        var model = BnMlp();
        model.Eval();
        model.NamedModules().ShouldAllBe(m => !m.Module.IsTraining);
        model.Train();
        model.NamedModules().ShouldAllBe(m => m.Module.IsTraining);
    }

    [Fact]
    public void ZeroGrad_AfterBackward_ClearsGradients()
    {
        var model = new Linear(3, 2);
        model.Forward(Tensor.Ones(4, 3)).Sum().Backward();
        model.Parameters().ShouldAllBe(p => p.Grad != null);
        model.ZeroGrad();
        model.Parameters().ShouldAllBe(p => p.Grad == null);
    }

    [Fact]
    public void LoadStateDict_MissingAndUnexpectedKeys_ListsThem()
    {
        var state = new StateDict();
        state.Set("weight", Tensor.Zeros(2, 3));
        state.Set("extra", Tensor.Zeros(1));
        var ex = Should.Throw<ArgumentException>(() => new Linear(3, 2).LoadStateDict(state));
        ex.Message.ShouldContain("missing keys [bias]");
        ex.Message.ShouldContain("unexpected keys [extra]");
        new Linear(3, 2).LoadStateDict(state, strict: false);
    }

    [Fact]
    public void LoadStateDict_WrongShape_NamesKeyAndShapes()
    {
        var state = new Linear(4, 2).StateDict();
        var ex = Should.Throw<ShapeMismatchException>(() => new Linear(3, 2).LoadStateDict(state));
        ex.Message.ShouldContain("'weight'");
        ex.Message.ShouldContain("[2, 4]");
        ex.Message.ShouldContain("[2, 3]");
    }

    [Fact]
    public void Linear_DefaultInit_IsUniformWithinPyTorchBounds()
    {
        var layer = new Linear(100, 50, generator: new Generator(3));
        var w = layer.Weight.ToArray();
        var bound = 1 / Math.Sqrt(100);
        w.ShouldAllBe(v => Math.Abs(v) <= bound);
        w.Max().ShouldBeGreaterThan((float)(0.95 * bound));
        w.Min().ShouldBeLessThan((float)(-0.95 * bound));
        // uniform(−b, b) has variance b²/3
        var variance = w.Select(v => (double)v * v).Average();
        variance.ShouldBe(bound * bound / 3, bound * bound * 0.05);
        layer.Bias!.ToArray().ShouldAllBe(v => Math.Abs(v) <= bound);
    }

    [Fact]
    public void ToMimeBundle_HasPlainTextAndHtml()
    {
        var bundle = new Linear(3, 2).ToMimeBundle();
        bundle.GetText(MimeTypes.PlainText).ShouldBe("Linear(in_features=3, out_features=2, bias=True)");
        bundle.GetText(MimeTypes.Html)!.ShouldContain("Total parameters: 8");
    }

    [Fact]
    public void NamedParameters_NestedSequential_UseDottedNames()
    {
        var model = new Sequential(("encoder", new Sequential(new Linear(2, 2))), ("head", new Linear(2, 1, bias: false)));
        model.NamedParameters().Select(p => p.Name).ShouldBe(["encoder.0.weight", "encoder.0.bias", "head.weight"]);
    }

    [Fact]
    public void CustomModule_RegisteredChildren_NamedLikePyTorchAttributes()
    {
        var model = new TwoLayer();

        model.StateDict().Keys.ShouldBe(["scale", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]);
        model.Forward(Tensor.Ones(5, 4)).Shape.ShouldBe(new Shape(5, 2));
        model.ToString().ShouldBe("TwoLayer(\n  (fc1): Linear(in_features=4, out_features=3, bias=True)\n  (fc2): Linear(in_features=3, out_features=2, bias=True)\n)");
    }

    [Fact]
    public void To_SameDevice_KeepsTheParameterTensors()
    {
        var model = new Linear(2, 2);
        var before = model.Parameters().ToList();

        model.To(Device.Cpu).ShouldBeSameAs(model);

        model.Parameters().ShouldBe(before);
    }

    private sealed class TwoLayer : Module
    {
        private readonly Linear _fc1;
        private readonly Linear _fc2;

        public TwoLayer()
        {
            RegisterParameter("scale", Tensor.Ones(1));
            _fc1 = RegisterModule("fc1", new Linear(4, 3));
            _fc2 = RegisterModule("fc2", new Linear(3, 2));
        }

        public override Tensor Forward(Tensor input) => _fc2.Forward(_fc1.Forward(input).Relu()) * GetParameter("scale")!;
    }
}
