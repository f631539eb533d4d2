using System.Globalization;
using System.Text;

namespace Kiln.Data.Tests.Csv;

/// <summary>
/// The fast CSV path must read exactly as the general (CsvHelper) reader does. A blank line in the middle of the text sends
/// the reader down the general path (which skips blank lines), so each text is read both ways, the second time with a
/// blank line after the header, and the frames compared.
/// </summary>
public class CsvFastPathTests
{
    [Fact]
    public void ReadString_LargeTextWithLateKindChanges_MatchesGeneralReader()
    {
        var text = new StringBuilder("int_then_float,int_then_text,null_then_bool,dates,floats,ints,mixed_null\n");
        const int rows = 60_000; // over 1 MB, so the fast path splits the text into parallel blocks
        for (var i = 0; i < rows; i++)
        {
            var last = i == rows - 1;
            text.Append(CultureInfo.InvariantCulture, $"{(last ? "2.5" : i.ToString(CultureInfo.InvariantCulture))},");
            text.Append(CultureInfo.InvariantCulture, $"{(i == rows / 2 + 7 ? "x" : (-i).ToString(CultureInfo.InvariantCulture))},");
            text.Append(i < rows / 2 ? "," : i % 2 == 0 ? "True," : "false,");
            text.Append(CultureInfo.InvariantCulture, $"2024-01-{1 + (i % 28):00},");
            text.Append(CultureInfo.InvariantCulture, $"{(i % 97 == 0 ? "" : i % 13 == 0 ? "-0" : (i * 0.001 - 7).ToString("R", CultureInfo.InvariantCulture))},");
            text.Append(CultureInfo.InvariantCulture, $"{(long.MaxValue - i).ToString(CultureInfo.InvariantCulture)},");
            text.Append(i % 3 == 0 ? "nan" : i % 3 == 1 ? "" : "1e3").Append('\n');
        }

        AssertSameAsGeneralReader(text.ToString());
    }

    [Fact]
    public void ReadString_QuotesCrLfAndTrailingBlankLines_MatchesGeneralReader()
    {
        const string text = "name,note,n\r\n\"Smith, J\",\"said \"\"hi\"\"\",1\r\nplain,,2\r\n\"\",\"multi\nline\",3\r\n\r\n\r\n";
        var frame = AssertSameAsGeneralReader(text);
        ((StringColumn)frame["note"])[0].ShouldBe("said \"hi\"");
        ((StringColumn)frame["note"])[2].ShouldBe("multi\nline");
        frame["name"].IsNull(2).ShouldBeTrue();
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n")]
    [InlineData("a,b\n1,x\"y\n")]
    [InlineData("a,b\n1,\"2\"x\n")]
    [InlineData("a,a\n1,2\n")]
    public void ReadString_MalformedText_StillThrowsCsvFormatException(string text) =>
        Should.Throw<CsvFormatException>(() => Kiln.Data.Csv.ReadString(text));

    [Fact]
    public void Describe_ManyTiedValues_QuartilesFollowNumpyLinearQuantiles()
    {
        // 10,000 values, 2,000 each of 0..4, shuffled: np.quantile puts the 25/50/75% positions
        // (2499.75, 4999.5, 7499.25 of the sorted values) inside the runs of 1, 2 and 3.
        var random = new Random(7);
        var values = Enumerable.Range(0, 10_000).Select(i => (double)(i % 5)).OrderBy(_ => random.Next()).ToArray();
        var summary = new Frame(new PrimitiveColumn<double>("v", values)).Describe()["v"];
        summary.Min.ShouldBe(0);
        summary.Q25.ShouldBe(1);
        summary.Median.ShouldBe(2);
        summary.Q75.ShouldBe(3);
        summary.Max.ShouldBe(4);
    }

    private static Frame AssertSameAsGeneralReader(string text)
    {
        // The fast path is internal; make sure it, not the general reader, accepted the text.
        var fastPath = typeof(Frame).Assembly.GetType("Kiln.Data.CsvFastReader", throwOnError: true)!.GetMethod("TryRead")!;
        fastPath.Invoke(null, [text, new CsvReadOptions()]).ShouldNotBeNull("the fast path declined the text");
        var fast = Kiln.Data.Csv.ReadString(text);
        var headerEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var withBlankLine = text.Insert(headerEnd + 1, "\n");
        fastPath.Invoke(null, [withBlankLine, new CsvReadOptions()]).ShouldBeNull("the fast path should leave a blank line to the general reader");
        var general = Kiln.Data.Csv.ReadString(withBlankLine);
        fast.RowCount.ShouldBe(general.RowCount);
        fast.Columns.Select(c => c.Name).ShouldBe(general.Columns.Select(c => c.Name));
        foreach (var column in general.Columns)
        {
            var actual = fast[column.Name];
            actual.Kind.ShouldBe(column.Kind, column.Name);
            for (var r = 0; r < column.Length; r++)
            {
                if (actual.IsNull(r) != column.IsNull(r) || actual.FormatValue(r) != column.FormatValue(r))
                {
                    throw new ShouldAssertException($"{column.Name}[{r}]: fast path '{actual.FormatValue(r)}' (null: {actual.IsNull(r)}), general reader '{column.FormatValue(r)}' (null: {column.IsNull(r)})");
                }
            }
        }

        return fast;
    }
}
