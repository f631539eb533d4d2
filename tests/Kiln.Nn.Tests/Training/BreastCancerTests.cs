using System.Globalization;
using Kiln.Nn.Data;
using Kiln.Nn.Optimizers;
using Kiln.Nn.Tests.Golden;
using Kiln.Nn.Training;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Training;

public sealed class BreastCancerTests
{
    [Fact]
    public void Mlp_StandardizedFeatures_ReachesPyTorchTestAccuracy()
    {
        var setup = Fixture.Load("breast_cancer.json");
        var (features, labels) = ReadCsv();
        int[] trainIdx = [.. setup.GetProperty("trainIndices").EnumerateArray().Select(e => e.GetInt32())];
        int[] testIdx = [.. setup.GetProperty("testIndices").EnumerateArray().Select(e => e.GetInt32())];
        var (mean, std) = Moments(features, trainIdx);
        Tensor X(int[] rows) => Tensor.FromArray(rows.SelectMany(r => features[r].Select((v, j) => (float)((v - mean[j]) / std[j]))).ToArray(), rows.Length, 30);
        Tensor Y(int[] rows) => Tensor.FromArray(rows.Select(r => labels[r]).ToArray(), rows.Length);
        var hidden = setup.GetProperty("hidden").GetInt32();
        var g = new Generator(0);
        var model = new Sequential(new Linear(30, hidden, generator: g), new ReLU(), new Linear(hidden, 2, generator: g));
        var trainer = new Trainer(new Adam(model.Parameters(), setup.GetProperty("lr").GetDouble()), new CrossEntropyLoss())
        {
            ShowProgress = false,
            Metrics = { new Accuracy() },
        };
        var train = new DataLoader(new TensorDataset(X(trainIdx), Y(trainIdx)), setup.GetProperty("batchSize").GetInt32(), shuffle: true, seed: 0);
        var test = new DataLoader(new TensorDataset(X(testIdx), Y(testIdx)), 64);

        trainer.Fit(model, train, epochs: setup.GetProperty("epochs").GetInt32());
        var accuracy = trainer.Evaluate(model, test)["accuracy"];

        var torchAccuracy = setup.GetProperty("torchAccuracy").GetDouble();
        TestContext.Current.TestOutputHelper?.WriteLine($"breast-cancer test accuracy: Kiln {accuracy:F4}, PyTorch {torchAccuracy:F4}");
        accuracy.ShouldBeGreaterThanOrEqualTo(0.95);
        Math.Abs(accuracy - torchAccuracy).ShouldBeLessThanOrEqualTo(0.02, $"Kiln {accuracy:F4} vs PyTorch {torchAccuracy:F4}");
    }

    private static (double[][] Features, long[] Labels) ReadCsv()
    {
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../data/breast-cancer.csv"));
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var diagnosis = Array.IndexOf(header, "diagnosis");
        var featureColumns = Enumerable.Range(0, header.Length).Where(i => header[i] != "id" && i != diagnosis).ToArray();
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        return (
            [.. rows.Select(r => featureColumns.Select(i => double.Parse(r[i], CultureInfo.InvariantCulture)).ToArray())],
            [.. rows.Select(r => r[diagnosis] == "malignant" ? 1L : 0L)]);
    }

    private static (double[] Mean, double[] Std) Moments(double[][] x, int[] rows)
    {
        var d = x[0].Length;
        var mean = Enumerable.Range(0, d).Select(j => rows.Average(r => x[r][j])).ToArray();
        var std = Enumerable.Range(0, d).Select(j => Math.Sqrt(rows.Average(r => Math.Pow(x[r][j] - mean[j], 2)))).ToArray();
        return (mean, std);
    }
}
