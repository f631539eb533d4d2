using System.Text.Json.Nodes;

namespace Kiln.Charts.Tests.Model;

public class DataArrayTests
{
    [Fact]
    public void From_Dates_WritesPlotlyDateStrings()
    {
        var array = DataArray.From(new[] { new DateTime(2024, 3, 1), new DateTime(2024, 3, 1, 8, 5, 9, 250) });

        array.Kind.ShouldBe(DataKind.Date);
        array.Texts.ShouldBe(["2024-03-01", "2024-03-01 08:05:09.25"]);
    }

    [Fact]
    public void From_DateOnlyAndOffsets_AreDates()
    {
        DataArray.From(new[] { new DateOnly(2023, 12, 31) }).Texts.ShouldBe(["2023-12-31"]);
        DataArray.From(new[] { new DateTimeOffset(2023, 12, 31, 23, 0, 0, TimeSpan.FromHours(2)) }).Texts.ShouldBe(["2023-12-31 23:00:00"]);
    }

    [Fact]
    public void From_NonFiniteNumbers_BecomeJsonNullGaps()
    {
        var json = DataArray.From(new[] { 1.0, double.NaN, double.PositiveInfinity }).ToJson();

        json.ToJsonString().ShouldBe("[1,null,null]");
    }

    [Fact]
    public void From_NullableNumbers_KeepsNullsAsGaps()
    {
        DataArray.From(new double?[] { null, 2 }).ToJson().ToJsonString().ShouldBe("[null,2]");
    }

    [Fact]
    public void From_Strings_AreCategories()
    {
        var array = DataArray.From(new List<string> { "a", "b" });

        array.Kind.ShouldBe(DataKind.Category);
        array.ToJson().ToJsonString().ShouldBe("[\"a\",\"b\"]");
    }

    [Fact]
    public void From_UnsupportedElementType_ThrowsNamingTheType()
    {
        var error = Should.Throw<ArgumentException>(() => DataArray.From(new[] { new object() }));

        error.Message.ShouldContain("Object");
        error.Message.ShouldContain("DateTime");
    }

    [Fact]
    public void FromNumbers_Decimals_ConvertToDoubles()
    {
        DataArray.FromNumbers(new[] { 1.5m, 2m }).Numbers.ShouldBe([1.5, 2.0]);
    }

    [Fact]
    public void Range_StartsAtTheGivenIndex()
    {
        JsonNode.DeepEquals(DataArray.Range(3, start: 1).ToJson(), JsonNode.Parse("[1,2,3]")).ShouldBeTrue();
    }

    [Fact]
    public void From_SignedBytes_KeepTheirSign()
    {
        DataArray.From(new sbyte[] { -1, 2 }).Numbers.ShouldBe([-1.0, 2.0]);
        DataArray.From(new[] { -1, 2 }).Numbers.ShouldBe([-1.0, 2.0]);
    }
}
