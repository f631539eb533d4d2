using Kiln.Data.Preprocessing;

namespace Kiln.Data.Tests.Preprocessing;

public class TransformerGoldenTests
{
    private static readonly string[] Numeric = ["a", "b", "c"];
    private static readonly string[] Categorical = ["color", "size"];

    private static (Frame Train, Frame Test, System.Text.Json.Nodes.JsonNode Fixture) Load()
    {
        var f = Golden.Load("transformers.json");
        return (Golden.Frame(f["train"]!), Golden.Frame(f["test"]!), f);
    }

    /// <summary>Fits, then checks train and test outputs, and that a JSON round trip transforms identically.</summary>
    private static void CheckFitted(Transformer t, Frame train, Frame test, string[] columns, double[][] expectTrain, double[][] expectTest, string what)
    {
        var before = train.ToCsv();
        var outTrain = t.FitTransform(train);
        train.ToCsv().ShouldBe(before, $"{what} must not change its input");
        Golden.Close(outTrain, columns, expectTrain, $"{what} train");
        Golden.Close(t.Transform(test), columns, expectTest, $"{what} test");

        var loaded = Transformer.FromJson(t.ToJson());
        loaded.GetType().ShouldBe(t.GetType());
        loaded.ToJson().ShouldBe(t.ToJson());
        loaded.IsFitted.ShouldBeTrue();
        t.ToJson().ShouldNotContain("IsFitted");
        loaded.Transform(test).ToCsv().ShouldBe(t.Transform(test).ToCsv());
    }

    [Fact]
    public void StandardScaler_FitTransform_MatchesScikitLearn()
    {
        var (train, test, f) = Load();
        var expected = f["standard_scaler"]!;
        var scaler = new StandardScaler(Numeric);

        CheckFitted(scaler, train, test, Numeric, Golden.Matrix(expected["train"]!), Golden.Matrix(expected["test"]!), "StandardScaler");

        Golden.Close(scaler.Mean!, Golden.Doubles(expected["mean"]!), "mean_");
        Golden.Close(scaler.Variance!, Golden.Doubles(expected["var"]!), "var_");
        Golden.Close(scaler.Scale!, Golden.Doubles(expected["scale"]!), "scale_");
    }

    [Fact]
    public void StandardScaler_InverseTransform_RestoresValues()
    {
        var (train, _, _) = Load();
        var scaler = new StandardScaler(Numeric);

        var restored = scaler.InverseTransform(scaler.FitTransform(train));

        foreach (var c in Numeric)
        {
            Golden.Close(restored[c].ToDoubleArray(), train[c].ToDoubleArray(), c);
        }
    }

    [Fact]
    public void MinMaxScaler_FitTransform_MatchesScikitLearn()
    {
        var (train, test, f) = Load();
        var expected = f["minmax_scaler"]!;
        var scaler = new MinMaxScaler(Numeric);

        CheckFitted(scaler, train, test, Numeric, Golden.Matrix(expected["train"]!), Golden.Matrix(expected["test"]!), "MinMaxScaler");

        Golden.Close(scaler.DataMin!, Golden.Doubles(expected["data_min"]!), "data_min_");
        Golden.Close(scaler.DataMax!, Golden.Doubles(expected["data_max"]!), "data_max_");
        Golden.Close(scaler.Scale!, Golden.Doubles(expected["scale"]!), "scale_");
        Golden.Close(scaler.Offset!, Golden.Doubles(expected["min"]!), "min_");
    }

    [Fact]
    public void MinMaxScaler_FeatureRange_MatchesScikitLearn()
    {
        var (train, test, f) = Load();
        var expected = f["minmax_scaler_range"]!;

        CheckFitted(new MinMaxScaler(Numeric) { RangeMin = -1, RangeMax = 2 }, train, test, Numeric,
            Golden.Matrix(expected["train"]!), Golden.Matrix(expected["test"]!), "MinMaxScaler(-1, 2)");
    }

    [Fact]
    public void OneHotEncoder_IgnoreUnknown_MatchesScikitLearn()
    {
        var (train, test, f) = Load();
        var expected = f["one_hot"]!;
        var encoder = new OneHotEncoder(Categorical) { HandleUnknown = UnknownCategory.Ignore };
        var features = Golden.Strings(expected["features"]!);

        CheckFitted(encoder, train, test, features, Golden.Matrix(expected["train"]!), Golden.Matrix(expected["test"]!), "OneHotEncoder");

        encoder.FeatureNames().ShouldBe(features);
        encoder.Transform(test).ColumnNames.ShouldBe(["a", "b", "c", .. features, "label"]);
    }

    [Fact]
    public void OneHotEncoder_UnknownWithErrorPolicy_ThrowsNamingValue()
    {
        var (train, test, _) = Load();
        var encoder = new OneHotEncoder(Categorical);
        encoder.Fit(train);

        var e = Should.Throw<ArgumentException>(() => encoder.Transform(test));

        e.Message.ShouldContain("purple");
        e.Message.ShouldContain("color");
    }

    [Fact]
    public void OrdinalEncoder_UseEncodedValue_MatchesScikitLearn()
    {
        var (train, test, f) = Load();
        var expected = f["ordinal"]!;
        var encoder = new OrdinalEncoder(Categorical) { HandleUnknown = UnknownCategory.UseEncodedValue, UnknownValue = -1 };

        CheckFitted(encoder, train, test, Categorical, Golden.Matrix(expected["train"]!), Golden.Matrix(expected["test"]!), "OrdinalEncoder");

        encoder.Categories![1].ShouldBe(Golden.Strings(expected["categories"]![1]!));
    }

    [Fact]
    public void LabelEncoder_FitTransform_MatchesScikitLearn()
    {
        var (train, test, f) = Load();
        var expected = f["label"]!;
        var encoder = new LabelEncoder("label");

        CheckFitted(encoder, train, test, ["label"],
            Golden.Doubles(expected["train"]!).Select(v => new[] { v }).ToArray(),
            Golden.Doubles(expected["test"]!).Select(v => new[] { v }).ToArray(), "LabelEncoder");

        encoder.Classes.ShouldBe(Golden.Strings(expected["classes"]!));
        encoder.Transform(test)["label"].Kind.ShouldBe(DataKind.Int64);
        encoder.InverseTransform(encoder.Transform(test)).GetStringColumn("label").ToStringArray().ShouldBe(test.GetStringColumn("label").ToStringArray());
    }

    [Theory]
    [InlineData(ImputeStrategy.Mean, "mean")]
    [InlineData(ImputeStrategy.Median, "median")]
    [InlineData(ImputeStrategy.MostFrequent, "most_frequent")]
    [InlineData(ImputeStrategy.Constant, "constant")]
    public void SimpleImputer_NumericStrategies_MatchScikitLearn(ImputeStrategy strategy, string name)
    {
        var f = Golden.Load("transformers.json");
        var frame = Golden.Frame(f["impute_frame"]!);
        var expected = f["impute_" + name]!;
        var imputer = new SimpleImputer(strategy, "p", "q") { FillValue = strategy == ImputeStrategy.Constant ? "-7.5" : null };

        var output = imputer.FitTransform(frame);

        Golden.Close(output, ["p", "q"], Golden.Matrix(expected["output"]!), $"SimpleImputer({name})");
        Golden.Close(imputer.Statistics!.Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Golden.Doubles(expected["statistics"]!), "statistics_");
        Transformer.FromJson(imputer.ToJson()).Transform(frame).ToCsv().ShouldBe(output.ToCsv());
    }

    [Theory]
    [InlineData(ImputeStrategy.MostFrequent, "impute_text_most_frequent")]
    [InlineData(ImputeStrategy.Constant, "impute_text_constant")]
    public void SimpleImputer_TextStrategies_MatchScikitLearn(ImputeStrategy strategy, string name)
    {
        var f = Golden.Load("transformers.json");
        var frame = Golden.Frame(f["impute_frame"]!);
        var expected = f[name]!;

        var output = new SimpleImputer(strategy, "s").FitTransform(frame);

        output.GetStringColumn("s").ToStringArray().ShouldBe(Golden.Strings(expected["output"]!));
    }

    [Fact]
    public void Pipeline_SaveAndLoad_AppliesSamePreprocessing()
    {
        var (train, test, f) = Load();
        var pipeline = new Pipeline(
            new StandardScaler(Numeric),
            new OneHotEncoder(Categorical) { HandleUnknown = UnknownCategory.Ignore },
            new LabelEncoder("label"));
        var path = Path.Combine(Path.GetTempPath(), $"kiln-pipeline-{Guid.NewGuid():N}.json");

        var expected = pipeline.FitTransform(train);
        pipeline.Save(path);
        var loaded = Transformer.Load<Pipeline>(path);
        File.Delete(path);

        loaded.Steps.Count.ShouldBe(3);
        loaded.Transform(test).ToCsv().ShouldBe(pipeline.Transform(test).ToCsv());
        loaded.Transform(train).ToCsv().ShouldBe(expected.ToCsv());
        Golden.Close(loaded.Transform(test), Numeric, Golden.Matrix(f["standard_scaler"]!["test"]!), "pipeline scaler");
        Golden.Close(loaded.Transform(test), Golden.Strings(f["one_hot"]!["features"]!), Golden.Matrix(f["one_hot"]!["test"]!), "pipeline one-hot");
    }

    [Fact]
    public void Transform_BeforeFit_ThrowsWithAdvice()
    {
        var (train, _, _) = Load();

        Should.Throw<InvalidOperationException>(() => new MinMaxScaler("a").Transform(train)).Message.ShouldContain("Fit");
    }
}
