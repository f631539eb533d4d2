using Kiln.Display;
using Kiln.Nn.Training;

namespace Kiln.Nn.Tests.Training;

public sealed class HistoryTests
{
    [Fact]
    public void Add_NewSeriesLater_EarlierEpochsAreNaN()
    {
        var history = new History();
        history.Add(new Dictionary<string, double> { ["loss"] = 0.5 });
        history.Add(new Dictionary<string, double> { ["loss"] = 0.25, ["val_loss"] = 0.3 });

        history.Series("loss").ShouldBe([0.5, 0.25]);
        history.Series("val_loss")[0].ShouldBe(double.NaN);
        history.Epoch(1)["val_loss"].ShouldBe(0.3);
    }

    [Fact]
    public void ToMimeBundle_TextTableAndHtmlTable()
    {
        var history = new History();
        history.Add(new Dictionary<string, double> { ["loss"] = 0.5, ["accuracy"] = 0.75 });

        var bundle = history.ToMimeBundle();

        bundle.GetText(MimeTypes.PlainText).ShouldBe("epoch    loss  accuracy\n    1  0.5000    0.7500");
        bundle.GetText(MimeTypes.Html)!.ShouldContain("<td>0.7500</td>");
    }
}
