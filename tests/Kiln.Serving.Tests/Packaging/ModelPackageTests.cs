using System.Text.Json;
using Kiln.Serving.Packaging;

namespace Kiln.Serving.Tests.Packaging;

public class ModelPackageTests
{
    [Fact]
    public void Load_GoldenWeights_ForwardMatchesPyTorch()
    {
        using var dir = new TempDir();
        TestModel.Save(dir.Path);

        var package = ModelPackage.Load(dir.Path);
        var output = TestModel.Forward(package.Network, TestModel.Flat(TestModel.Golden.Scaled), TestModel.Golden.Scaled.Length);

        output.Length.ShouldBe(TestModel.Golden.Logits.Length * 2);
        for (var i = 0; i < output.Length; i++)
        {
            output[i].ShouldBe(TestModel.Flat(TestModel.Golden.Logits)[i], 1e-5f);
        }
    }

    [Fact]
    public void Save_FillsInputSchemaArchitectureAndPipeline()
    {
        using var dir = new TempDir();

        TestModel.Save(dir.Path, name: "cancer", version: "3");
        var manifest = ModelPackage.ReadManifest(dir.Path);

        manifest.Name.ShouldBe("cancer");
        manifest.Version.ShouldBe("3");
        manifest.Input!.Shape.ShouldBe([-1, 30]);
        manifest.Input.Datatype.ShouldBe("FP32");
        manifest.Architecture.Select(l => l.Type).ShouldBe(["linear", "relu", "dropout", "linear", "relu", "linear"]);
        File.Exists(Path.Combine(dir.Path, manifest.Preprocessing!)).ShouldBeTrue();
        File.Exists(Path.Combine(dir.Path, manifest.Weights)).ShouldBeTrue();
    }

    [Fact]
    public void Load_PipelineFromPackage_MatchesScikitLearnScaling()
    {
        using var dir = new TempDir();
        TestModel.Save(dir.Path);
        var package = ModelPackage.Load(dir.Path);
        var g = TestModel.Golden;
        var frame = new Kiln.Data.Frame([.. g.Features.Select(f => (Kiln.Data.DataColumn)new Kiln.Data.PrimitiveColumn<double>(f, g.Records.Select(r => r[f])))]);

        var scaled = package.Pipeline!.Transform(frame).ToArray(g.Features).Data;

        scaled.Length.ShouldBe(g.Scaled.Length * 30);
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i].ShouldBe(TestModel.Flat(g.Scaled)[i], 1e-5f);
        }
    }

    [Fact]
    public void ReadManifest_MissingDirectoryManifest_SaysHowToCreateOne()
    {
        using var dir = new TempDir();

        var e = Should.Throw<FileNotFoundException>(() => ModelPackage.ReadManifest(dir.Path));

        e.Message.ShouldContain("ModelPackage.Save");
    }

    [Fact]
    public void Load_WeightsOfAnotherArchitecture_IsInvalidData()
    {
        using var dir = new TempDir();
        TestModel.Save(dir.Path);
        var path = Path.Combine(dir.Path, ModelPackage.ManifestFileName);
        var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path))!;
        var wider = manifest with { Architecture = [new LayerSpec { Type = "linear", In = 30, Out = 2 }] };
        File.WriteAllText(path, JsonSerializer.Serialize(wider));

        var e = Should.Throw<InvalidDataException>(() => ModelPackage.Load(dir.Path));

        e.Message.ShouldContain("do not fit");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("has space")]
    [InlineData("")]
    public void Save_InvalidName_IsRejected(string name)
    {
        using var dir = new TempDir();

        Should.Throw<InvalidDataException>(() => TestModel.Save(dir.Path, name: name));
    }
}
