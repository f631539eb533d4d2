using Kiln.Display;
using Kiln.Metrics.Tests.Golden;

namespace Kiln.Metrics.Tests.Classification;

/// <summary>ClassificationReport text against scikit-learn's classification_report output (Fixtures/report.json).</summary>
public sealed class ClassificationReportGoldenTests
{
    [Fact]
    public void ToString_GoldenReports_AreByteEqualToScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load("report.json", "classification_report"))
        {
            var names = c.Args["target_names"] is null ? null : c.Strings("target_names");
            var digits = c.Args["digits"]!.GetValue<int>();
            var zd = ClassificationGoldenTests.ParseZeroDivision(c);
            foreach (var calls in LabelCalls.For(c))
            {
                expect.Run(c, scope =>
                {
                    var text = calls.Report(names, digits, zd).ToString();
                    var expected = c.Result!.GetValue<string>();
                    if (text != expected)
                    {
                        expect.Fail(c, $"text differs:\n--- scikit-learn\n{expected}\n--- Kiln\n{text}");
                    }

                    expect.Warnings(c, scope.Warnings);
                });
            }
        }

        expect.AssertAll(60);
    }

    [Fact]
    public void ToMimeBundle_Report_HasHtmlTableAndSameText()
    {
        using var scope = MetricWarnings.Capture();
        var report = ClassificationMetrics.ClassificationReport([0, 1, 2, 2], [0, 2, 2, 1], targetNames: ["cat", "dog", "<eel>"]);

        var bundle = report.ToMimeBundle();

        bundle.GetText(MimeTypes.PlainText).ShouldBe(report.ToString());
        var html = bundle.GetText(MimeTypes.Html)!;
        html.ShouldContain("<table");
        html.ShouldContain("&lt;eel&gt;");
        html.ShouldContain("macro avg");
        report.Accuracy.ShouldBe(0.5);
    }
}
