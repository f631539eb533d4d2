using System.Text.Json.Nodes;

namespace Kiln.Data.Tests;

public class FrameGoldenTests
{
    [Fact]
    public void Describe_MixedColumns_MatchesPandasDescribe()
    {
        var fixture = Golden.Load("describe.json");
        var frame = Golden.Frame(fixture["frame"]!);
        var description = frame.Describe();
        foreach (var (name, node) in fixture["describe"]!.AsObject())
        {
            var expected = node!.AsObject();
            var actual = description[name];
            actual.Count.ShouldBe((long)expected["count"]!.GetValue<double>(), name);
            actual.NullCount.ShouldBe(expected["nulls"]!.GetValue<long>(), name);
            if (expected.ContainsKey("mean"))
            {
                Golden.Close(actual.Mean!.Value, expected["mean"]!.GetValue<double>(), $"{name} mean");
                Golden.Close(actual.Std!.Value, expected["std"]!.GetValue<double>(), $"{name} std");
                Golden.Close(actual.Min!.Value, expected["min"]!.GetValue<double>(), $"{name} min");
                Golden.Close(actual.Q25!.Value, expected["25%"]!.GetValue<double>(), $"{name} 25%");
                Golden.Close(actual.Median!.Value, expected["50%"]!.GetValue<double>(), $"{name} 50%");
                Golden.Close(actual.Q75!.Value, expected["75%"]!.GetValue<double>(), $"{name} 75%");
                Golden.Close(actual.Max!.Value, expected["max"]!.GetValue<double>(), $"{name} max");
                actual.Unique.ShouldBeNull();
            }
            else
            {
                actual.Unique.ShouldBe((long)expected["unique"]!.GetValue<double>(), name);
                actual.Top!.ToLowerInvariant().ShouldBe(expected["top"]!.ToString().ToLowerInvariant(), name);
                actual.Freq.ShouldBe((long)expected["freq"]!.GetValue<double>(), name);
                actual.Mean.ShouldBeNull();
            }
        }
    }

    [Theory]
    [InlineData("count")]
    [InlineData("sum")]
    [InlineData("mean")]
    [InlineData("min")]
    [InlineData("max")]
    [InlineData("std")]
    [InlineData("first")]
    public void GroupBy_TwoKeys_MatchesPandasAggregation(string function)
    {
        var fixture = Golden.Load("groupby.json");
        var grouped = Golden.Frame(fixture["frame"]!).GroupBy("region", "year");
        var actual = function switch
        {
            "count" => grouped.Count(),
            "sum" => grouped.Sum(),
            "mean" => grouped.Mean(),
            "min" => grouped.Min(),
            "max" => grouped.Max(),
            "std" => grouped.Std(),
            _ => grouped.First(),
        };
        var expected = fixture["results"]![function]!.AsObject();

        actual.ColumnNames.ShouldBe(expected.Select(e => e.Key).ToArray());
        actual.GetStringColumn("region").ToStringArray().ShouldBe(Golden.Strings(expected["region"]!));
        actual.RowCount.ShouldBe(9);
        foreach (var (name, values) in expected.Where(e => e.Key != "region"))
        {
            Golden.Close(actual[name].ToDoubleArray(), Golden.Doubles(values!), $"{function} {name}");
        }
    }

    [Fact]
    public void GroupBy_Aggregate_MatchesPandasNamedAggregation()
    {
        var fixture = Golden.Load("groupby.json");
        var expected = fixture["single"]!;

        var actual = Golden.Frame(fixture["frame"]!).GroupBy("region").Aggregate(
            new Aggregation("sales", AggregateFunction.Mean),
            new Aggregation("units", AggregateFunction.Sum),
            new Aggregation("units", AggregateFunction.Std));

        actual.ColumnNames.ShouldBe(["region", "sales_mean", "units_sum", "units_std"]);
        actual.GetStringColumn("region").ToStringArray().ShouldBe(Golden.Strings(expected["region"]!));
        actual["units_sum"].Kind.ShouldBe(DataKind.Int64);
        foreach (var name in new[] { "sales_mean", "units_sum", "units_std" })
        {
            Golden.Close(actual[name].ToDoubleArray(), Golden.Doubles(expected[name]!), name);
        }
    }

    public static TheoryData<int> JoinCases() => [.. Enumerable.Range(0, 12)];

    [Theory]
    [MemberData(nameof(JoinCases))]
    public void Join_KindsAndKeys_MatchPandasMerge(int index)
    {
        var fixture = Golden.Load("join.json");
        var left = Golden.Frame(fixture["left"]!);
        var right = Golden.Frame(fixture["right"]!);
        var join = fixture["joins"]![index]!;
        var on = Golden.Strings(join["on"]!);
        var kind = Enum.Parse<JoinKind>(join["how"]!.GetValue<string>(), ignoreCase: true);

        var actual = join["right_on"] is { } rightOn
            ? left.Join(right.RenameColumn("id", "rid"), on, Golden.Strings(rightOn), kind)
            : left.Join(right, on, kind);

        var columns = Golden.Strings(join["columns"]!);
        actual.ColumnNames.ShouldBe(columns);
        var rows = join["rows"]!.AsArray();
        actual.RowCount.ShouldBe(rows.Count);
        for (var j = 0; j < columns.Length; j++)
        {
            var column = actual[columns[j]];
            var expected = new JsonArray(rows.Select(r => r![j]?.DeepClone()).ToArray());
            if (column.IsNumeric)
            {
                Golden.Close(column.ToDoubleArray(), Golden.Doubles(expected), $"{kind} on {string.Join("+", on)}: {columns[j]}");
            }
            else
            {
                column.ToStringArray().ShouldBe(expected.Select(v => v?.GetValue<string>()).ToArray(), $"{kind}: {columns[j]}");
            }
        }
    }
}
