using System.Globalization;
using System.Text;

namespace Kiln.Data.Tests.Csv;

public class CsvTests
{
    [Fact]
    public void ReadString_QuotedFieldsDatesAndLongIds_MatchPandasReadCsv()
    {
        var fixture = Golden.Load("csv.json");
        var frame = Kiln.Data.Csv.ReadString(fixture["text"]!.GetValue<string>());
        var kinds = new Dictionary<string, DataKind>
        {
            ["int64"] = DataKind.Int64, ["object"] = DataKind.String, ["float64"] = DataKind.Float64,
            ["datetime64[ns]"] = DataKind.DateTime, ["bool"] = DataKind.Boolean,
        };

        foreach (var (name, dtype) in fixture["dtypes"]!.AsObject())
        {
            frame[name].Kind.ShouldBe(kinds[dtype!.GetValue<string>()], name);
        }

        var values = fixture["values"]!;
        frame.GetColumn<long>("id").Values.ToArray().ShouldBe(values["id"]!.AsArray().Select(v => v!.GetValue<long>()).ToArray());
        frame.GetStringColumn("name").ToStringArray().ShouldBe(values["name"]!.AsArray().Select(v => v?.GetValue<string>()).ToArray());
        frame.GetStringColumn("note").ToStringArray().ShouldBe(values["note"]!.AsArray().Select(v => v?.GetValue<string>()).ToArray());
        Golden.Close(frame["score"].ToDoubleArray(), Golden.Doubles(values["score"]!), "score");
        frame.GetColumn<DateTime>("when").Values.ToArray()
            .ShouldBe(values["when"]!.AsArray().Select(v => DateTime.Parse(v!.GetValue<string>(), CultureInfo.InvariantCulture)).ToArray());
        frame.GetColumn<bool>("ok").Values.ToArray().ShouldBe(values["ok"]!.AsArray().Select(v => v!.GetValue<bool>()).ToArray());
    }

    [Fact]
    public void ReadString_MachineCultureWithCommaDecimals_ParsesInvariantly()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            var frame = Kiln.Data.Csv.ReadString("x,y\n1.5,\"2,5\"\n-0.25,3\n");

            frame["x"].Kind.ShouldBe(DataKind.Float64);
            frame["x"].ToDoubleArray().ShouldBe([1.5, -0.25]);
            frame["y"].Kind.ShouldBe(DataKind.String);
            frame.ToCsv().ShouldBe("x,y\n1.5,\"2,5\"\n-0.25,3\n");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void ReadString_ExplicitGermanCultureAndSeparator_ParsesCommaDecimals()
    {
        var options = new CsvReadOptions { Separator = ';', Culture = new CultureInfo("de-DE") };

        var frame = Kiln.Data.Csv.ReadString("x;n\n1,5;7\n-2,25;8\n", options);

        frame["x"].ToDoubleArray().ShouldBe([1.5, -2.25]);
        frame.GetColumn<long>("n").Values.ToArray().ShouldBe([7L, 8L]);
    }

    [Fact]
    public void ReadString_IdsAbove2Pow53_StayExactInt64()
    {
        var big = (1L << 53) + 1;

        var frame = Kiln.Data.Csv.ReadString($"id\n{big}\n{long.MaxValue}\n");

        frame["id"].Kind.ShouldBe(DataKind.Int64);
        frame.GetColumn<long>("id")[0].ShouldBe(big);
        frame.GetColumn<long>("id")[1].ShouldBe(long.MaxValue);
    }

    [Fact]
    public void ReadString_OddValueAfterManyRows_InfersFromAllRows()
    {
        var sb = new StringBuilder("n,s,f\n");
        for (var i = 0; i < 500; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i},{i},{i}\n");
        }

        sb.Append("7,abc,2.5\n");

        var frame = Kiln.Data.Csv.ReadString(sb.ToString());

        frame["n"].Kind.ShouldBe(DataKind.Int64);
        frame["s"].Kind.ShouldBe(DataKind.String);
        frame.GetStringColumn("s")[500].ShouldBe("abc");
        frame["f"].Kind.ShouldBe(DataKind.Float64);
        frame.GetColumn<double>("f")[500].ShouldBe(2.5);
    }

    [Fact]
    public void ReadString_EmptyFields_AreNullsWithoutChangingKind()
    {
        var frame = Kiln.Data.Csv.ReadString("a,b,c\n1,,x\n,true,\n3,false,z\n");

        frame["a"].Kind.ShouldBe(DataKind.Int64);
        frame.GetColumn<long>("a")[1].ShouldBeNull();
        frame["b"].Kind.ShouldBe(DataKind.Boolean);
        frame["b"].NullCount.ShouldBe(1);
        frame.GetStringColumn("c")[1].ShouldBeNull();
    }

    [Fact]
    public void ReadString_Schema_OverridesInference()
    {
        var options = new CsvReadOptions
        {
            Schema = new Dictionary<string, DataKind> { ["code"] = DataKind.String, ["n"] = DataKind.Int32, ["g"] = DataKind.Categorical },
        };

        var frame = Kiln.Data.Csv.ReadString("code,n,g\n007,1,b\n010,2,a\n", options);

        frame.GetStringColumn("code")[0].ShouldBe("007");
        frame["n"].Kind.ShouldBe(DataKind.Int32);
        ((CategoricalColumn)frame["g"]).Categories.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void ReadString_SchemaValueDoesNotParse_ReportsLineAndColumn()
    {
        var options = new CsvReadOptions { Schema = new Dictionary<string, DataKind> { ["qty"] = DataKind.Int64 } };
        var text = "name,qty\n\"two\nlines\",1\nb,2\nc,oops\n";

        var e = Should.Throw<CsvFormatException>(() => Kiln.Data.Csv.ReadString(text, options, "orders.csv"));

        e.SourceName.ShouldBe("orders.csv");
        e.Line.ShouldBe(5);
        e.Column.ShouldBe(2);
        e.ColumnName.ShouldBe("qty");
        e.Found.ShouldBe("oops");
        e.Message.ShouldBe("orders.csv, line 5, column 2 ('qty'): expected an integer (Int64) but found 'oops'.");
    }

    [Fact]
    public void ReadString_ErrorAfterBlankLine_ReportsPhysicalLine()
    {
        var options = new CsvReadOptions { Schema = new Dictionary<string, DataKind> { ["b"] = DataKind.Float64 } };

        var e = Should.Throw<CsvFormatException>(() => Kiln.Data.Csv.ReadString("a,b\n1,2\n\n3,x\n", options));

        e.Line.ShouldBe(4);
        e.Column.ShouldBe(2);
    }

    [Fact]
    public void ReadString_RecordWithTooFewFields_ReportsLine()
    {
        var e = Should.Throw<CsvFormatException>(() => Kiln.Data.Csv.ReadString("a,b,c\n1,2,3\n4,5\n"));

        e.Line.ShouldBe(3);
        e.Message.ShouldContain("expected 3 fields");
        e.Message.ShouldContain("found '2 fields'");
    }

    [Fact]
    public void ReadString_StrayQuote_ThrowsCsvFormatException()
    {
        var e = Should.Throw<CsvFormatException>(() => Kiln.Data.Csv.ReadString("a,b\n1,x\"y\n"));

        e.Line.ShouldBe(2);
        e.Message.ShouldContain("stray quotes");
    }

    [Fact]
    public void ReadString_DuplicateHeader_ThrowsNamingColumn()
    {
        var e = Should.Throw<CsvFormatException>(() => Kiln.Data.Csv.ReadString("a,b,a\n1,2,3\n"));

        e.Line.ShouldBe(1);
        e.Column.ShouldBe(3);
        e.ColumnName.ShouldBe("a");
    }

    [Fact]
    public void ReadString_NoHeaderWithNames_UsesGivenNames()
    {
        var options = new CsvReadOptions { HasHeader = false, ColumnNames = ["x", "y"] };

        var frame = Kiln.Data.Csv.ReadString("1,a\n2,b\n", options);

        frame.ColumnNames.ShouldBe(["x", "y"]);
        frame.RowCount.ShouldBe(2);
        frame.GetColumn<long>("x")[1].ShouldBe(2);
    }

    [Fact]
    public void ReadString_ExtraNullValues_AreNull()
    {
        var frame = Kiln.Data.Csv.ReadString("v\n1.5\nNA\n", new CsvReadOptions { NullValues = ["", "NA"] });

        frame["v"].Kind.ShouldBe(DataKind.Float64);
        frame["v"].NullCount.ShouldBe(1);
    }

    [Fact]
    public void WriteThenRead_FixtureCsv_RoundTripsExactly()
    {
        var original = Kiln.Data.Csv.ReadString(Golden.Load("csv.json")["text"]!.GetValue<string>());
        var path = Path.Combine(Path.GetTempPath(), $"kiln-roundtrip-{Guid.NewGuid():N}.csv");

        original.WriteCsv(path);
        var again = Frame.ReadCsv(path);
        File.Delete(path);

        again.Columns.Select(c => c.Kind).ShouldBe(original.Columns.Select(c => c.Kind));
        foreach (var c in original.Columns)
        {
            again[c.Name].ToStringArray().ShouldBe(c.ToStringArray(), c.Name);
        }

        again.GetColumn<long>("id")[3].ShouldBe(18014398509481985L);
    }

    [Fact]
    public void Read_MillionRowFile_LoadsAndDescribes()
    {
        const int rows = 1_000_000;
        var dir = Directory.CreateTempSubdirectory("kiln-csv-");
        try
        {
            var path = Path.Combine(dir.FullName, "big.csv");
            using (var w = new StreamWriter(path))
            {
                w.Write("id,value,group\n");
                for (var i = 0; i < rows; i++)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"{(1L << 55) + i},{(i % 1000) * 0.5},g{i % 7}\n"));
                }
            }

            var frame = Frame.ReadCsv(path);
            var description = frame.Describe();

            frame.RowCount.ShouldBe(rows);
            frame.GetColumn<long>("id")[rows - 1].ShouldBe((1L << 55) + rows - 1);
            description["value"].Count.ShouldBe(rows);
            Golden.Close(description["value"].Mean!.Value, 249.75, "mean of (i mod 1000) / 2");
            description["value"].Max.ShouldBe(499.5);
            description["group"].Unique.ShouldBe(7);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
