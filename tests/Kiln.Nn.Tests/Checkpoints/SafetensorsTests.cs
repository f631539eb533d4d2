using System.Diagnostics;
using System.Text.Json;
using Kiln.Nn.Checkpoints;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Checkpoints;

public sealed class SafetensorsTests
{
    [Fact]
    public void Load_FileWrittenForPyTorch_HasItsTensorsAndMetadata()
    {
        var path = Fixture.PathOf("from_torch.safetensors");
        var expected = Fixture.Load("from_torch.json");

        var state = Safetensors.Load(path);

        state.Keys.ShouldBe(expected.EnumerateObject().Select(p => p.Name));
        foreach (var p in expected.EnumerateObject())
        {
            var t = state[p.Name];
            var dtype = p.Value.GetProperty("dtype").GetString();
            t.DType.ShouldBe(dtype switch { "int64" => DType.Int64, "bool" => DType.Bool, _ => DType.Float32 });
            ExactlyEqual(t, p.Value, p.Name);
        }

        Safetensors.ReadMetadata(path).ShouldBe(new Dictionary<string, string> { ["framework"] = "pt", ["note"] = "golden" });
    }

    [Fact]
    public void Save_ThenPyTorchReadsIt_SameValues()
    {
        var python = "/usr/bin/python3";
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scripts/golden/nn.py"));
        Assert.SkipUnless(File.Exists(python) && File.Exists(script), "Debian's python3 and scripts/golden/nn.py are needed to read the file with PyTorch.");
        var state = Sample();
        var path = Path.Combine(Path.GetTempPath(), $"kiln-{Guid.NewGuid():N}.safetensors");
        try
        {
            Safetensors.Save(state, path, new Dictionary<string, string> { ["format"] = "pt" });
            var start = new ProcessStartInfo(python, [script, "--read", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.SkipWhen(
                errors.Contains("No module named 'torch'", StringComparison.Ordinal) || errors.Contains("No module named 'numpy'", StringComparison.Ordinal),
                "python3-torch and python3-numpy are not installed (scripts/setup-deps.sh --golden installs them).");
            process.ExitCode.ShouldBe(0, errors);

            var read = JsonDocument.Parse(output).RootElement;
            read.GetProperty("metadata").GetProperty("format").GetString().ShouldBe("pt");
            var tensors = read.GetProperty("tensors");
            tensors.EnumerateObject().Select(p => p.Name).ShouldBe(state.Keys);
            foreach (var (name, t) in state)
            {
                ExactlyEqual(t, tensors.GetProperty(name), name);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_ThenRead_RoundTripsExactly_WithAlignedHeader()
    {
        var state = Sample();
        using var stream = new MemoryStream();
        Safetensors.Write(state, stream);
        var bytes = stream.ToArray();

        BitConverter.ToUInt64(bytes, 0).ShouldBe(BitConverter.ToUInt64(bytes, 0) / 8 * 8);
        var back = Safetensors.Read(bytes);

        back.Keys.ShouldBe(state.Keys);
        foreach (var (name, t) in state)
        {
            back[name].DType.ShouldBe(t.DType);
            back[name].Shape.ShouldBe(t.Shape);
            if (t.DType == DType.Int64)
            {
                back[name].ToArray<long>().ShouldBe(t.ToArray<long>());
            }
            else
            {
                back[name].ToArray().ShouldBe(t.ToArray());
            }
        }
    }

    [Fact]
    public void ModuleSaveLoad_RestoresEveryParameterAndBuffer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kiln-{Guid.NewGuid():N}.safetensors");
        try
        {
            var source = new Sequential(new Linear(3, 4, generator: new Generator(1)), new BatchNorm1d(4));
            source.Forward(Tensor.Randn(new Shape(5, 3), new Generator(2)));
            source.Save(path);
            var target = new Sequential(new Linear(3, 4, generator: new Generator(9)), new BatchNorm1d(4));

            target.Load(path);

            foreach (var (name, t) in source.StateDict())
            {
                target.StateDict()[name].ToArray().ShouldBe(t.ToArray(), name);
            }

            target.StateDict()["1.num_batches_tracked"].Item<long>().ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_TruncatedFile_ExplainsTheProblem()
    {
        using var stream = new MemoryStream();
        Safetensors.Write(Sample(), stream);
        var bytes = stream.ToArray()[..^4];

        var ex = Should.Throw<InvalidDataException>(() => Safetensors.Read(bytes));
        ex.Message.ShouldContain("corrupt");
    }

    [Fact]
    public void Read_HeaderLongerThanFile_ExplainsTheProblem()
    {
        var bytes = new byte[16];
        bytes[0] = 200;
        Should.Throw<InvalidDataException>(() => Safetensors.Read(bytes)).Message.ShouldContain("header length 200");
    }

    private static void ExactlyEqual(Tensor actual, JsonElement expected, string name)
    {
        if (actual.DType == DType.Int64)
        {
            actual.Shape.ToArray().ShouldBe(Fixture.ShapeOf(expected), name);
            actual.ToArray<long>().ShouldBe([.. expected.GetProperty("data").EnumerateArray().Select(e => e.GetInt64())], name);
        }
        else
        {
            Approx.Equal(actual, expected, 0, 0, name);
        }
    }

    private static StateDict Sample()
    {
        var state = new StateDict();
        state.Set("layer.weight", Tensor.Randn(new Shape(3, 4), new Generator(5)));
        state.Set("scalar", Tensor.Scalar(-1.25f));
        state.Set("ids", Tensor.FromArray([1L, -2L, long.MaxValue], 3));
        state.Set("mask", Tensor.FromArray([true, false, true, true], 2, 2));
        state.Set("empty", Tensor.Zeros(0, 2));
        return state;
    }
}
