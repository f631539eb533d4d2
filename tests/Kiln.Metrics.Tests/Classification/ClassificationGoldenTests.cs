using System.Text.Json.Nodes;
using Kiln.Metrics.Tests.Golden;

namespace Kiln.Metrics.Tests.Classification;

/// <summary>Every label metric against scikit-learn's results in Fixtures/classification.json (about 210 cases each).</summary>
public sealed class ClassificationGoldenTests
{
    private const string File = "classification.json";

    [Theory]
    [InlineData("precision")]
    [InlineData("recall")]
    [InlineData("f1")]
    [InlineData("fbeta")]
    public void Score_GoldenCases_MatchScikitLearn(string fn)
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, fn))
        {
            var average = ParseAverage(c);
            var zd = ParseZeroDivision(c);
            var beta = c.Args["beta"]?.GetValue<double>() ?? 1.0;
            foreach (var calls in LabelCalls.For(c))
            {
                expect.Run(c, scope =>
                {
                    if (average is not { } avg)
                    {
                        var scores = calls.PerClass(beta, zd);
                        var component = fn switch { "precision" => scores.Precision, "recall" => scores.Recall, _ => scores.FScore };
                        expect.Values(c, Json.Doubles(c.Result), component, fn);
                        return;
                    }

                    var actual = fn switch
                    {
                        "precision" => calls.Precision(avg, zd),
                        "recall" => calls.Recall(avg, zd),
                        "f1" => calls.F1(avg, zd),
                        _ => calls.FBeta(beta, avg, zd),
                    };
                    expect.Value(c, Json.Double(c.Result), actual);
                    expect.Warnings(c, scope.Warnings);
                });
            }
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void PrecisionRecallFScoreSupport_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "prfs"))
        {
            var zd = ParseZeroDivision(c);
            var beta = c.Args["beta"]!.GetValue<double>();
            foreach (var calls in LabelCalls.For(c))
            {
                expect.Run(c, scope =>
                {
                    if (ParseAverage(c) is { } avg)
                    {
                        var a = calls.Averaged(avg, beta, zd);
                        var r = c.Result!.AsArray();
                        expect.Value(c, Json.Double(r[0]), a.Precision, "precision");
                        expect.Value(c, Json.Double(r[1]), a.Recall, "recall");
                        expect.Value(c, Json.Double(r[2]), a.FScore, "fscore");
                        expect.Warnings(c, scope.Warnings);
                        return;
                    }

                    var s = calls.PerClass(beta, zd);
                    var rows = c.Result!.AsArray();
                    expect.Values(c, Json.Doubles(rows[0]), s.Precision, "precision");
                    expect.Values(c, Json.Doubles(rows[1]), s.Recall, "recall");
                    expect.Values(c, Json.Doubles(rows[2]), s.FScore, "fscore");
                    expect.Values(c, Json.Doubles(rows[3]), s.Support, "support");
                });
            }
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void Jaccard_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "jaccard").Where(c => ParseAverage(c) is not null || c.Error is not null))
        {
            foreach (var calls in LabelCalls.For(c))
            {
                expect.Run(c, scope =>
                {
                    var actual = calls.Jaccard(ParseAverage(c) ?? Average.Macro, ParseZeroDivision(c));
                    expect.Value(c, Json.Double(c.Result), actual);
                    expect.Warnings(c, scope.Warnings);
                });
            }
        }

        expect.AssertAll(150);
    }

    [Fact]
    public void ConfusionMatrix_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "confusion_matrix"))
        {
            var normalize = c.Args["normalize"]?.GetValue<string>() switch
            {
                "true" => ConfusionMatrixNormalization.ByTrue,
                "pred" => ConfusionMatrixNormalization.ByPredicted,
                "all" => ConfusionMatrixNormalization.All,
                _ => ConfusionMatrixNormalization.None,
            };
            foreach (var calls in LabelCalls.For(c))
            {
                expect.Run(c, _ =>
                {
                    var cm = calls.Confusion(normalize);
                    var rows = c.Result!.AsArray();
                    if (rows.Count != cm.Count)
                    {
                        expect.Fail(c, $"expected {rows.Count} classes, got {cm.Count}");
                        return;
                    }

                    for (var i = 0; i < rows.Count; i++)
                    {
                        expect.Values(c, Json.Doubles(rows[i]), Enumerable.Range(0, cm.Count).Select(j => cm[i, j]).ToArray(), $"row {i}");
                    }
                });
            }
        }

        expect.AssertAll(200);
    }

    [Theory]
    [InlineData("accuracy")]
    [InlineData("balanced_accuracy")]
    [InlineData("matthews")]
    [InlineData("hamming")]
    [InlineData("cohen_kappa")]
    public void ScalarMetric_GoldenCases_MatchScikitLearn(string fn)
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, fn))
        {
            foreach (var calls in LabelCalls.For(c))
            {
                expect.Run(c, scope =>
                {
                    var actual = fn switch
                    {
                        "accuracy" => calls.Accuracy(c.Args["normalize"]!.GetValue<bool>()),
                        "balanced_accuracy" => calls.BalancedAccuracy(c.Args["adjusted"]!.GetValue<bool>()),
                        "matthews" => calls.Matthews(),
                        "hamming" => calls.Hamming(),
                        _ => calls.Kappa(c.Args["weights"]?.GetValue<string>() switch
                        {
                            "linear" => KappaWeighting.Linear,
                            "quadratic" => KappaWeighting.Quadratic,
                            _ => KappaWeighting.None,
                        }),
                    };
                    expect.Value(c, Json.Double(c.Result), actual);
                    expect.Warnings(c, scope.Warnings);
                });
            }
        }

        expect.AssertAll(200);
    }

    internal static Average? ParseAverage(GoldenCase c) => c.Args["average"]?.GetValue<string>() switch
    {
        null => null,
        "binary" => Average.Binary,
        "micro" => Average.Micro,
        "macro" => Average.Macro,
        _ => Average.Weighted,
    };

    internal static ZeroDivision ParseZeroDivision(GoldenCase c) => c.Args["zero_division"] switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => ZeroDivision.Warn,
        JsonValue v when v.GetValue<double>() == 1 => ZeroDivision.One,
        _ => ZeroDivision.Zero,
    };
}
