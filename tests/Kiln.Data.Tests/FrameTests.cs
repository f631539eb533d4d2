using Kiln.Display;

namespace Kiln.Data.Tests;

public class FrameTests
{
    private static Frame People() => new(
        new StringColumn("name", ["ann", "bob", "cy", "dee", "eve", "fay"]),
        new PrimitiveColumn<long>("age", [34, null, 29, 34, 51, 29]),
        new PrimitiveColumn<double>("score", [1.5, 2.5, double.NaN, 0.5, 2.5, 4.0]),
        new PrimitiveColumn<bool>("vip", [true, false, false, true, false, true]));

    [Fact]
    public void Constructor_DifferentLengths_ThrowsNamingColumns()
    {
        var e = Should.Throw<ArgumentException>(() => new Frame(
            new PrimitiveColumn<int>("a", [1, 2]), new PrimitiveColumn<int>("b", [1])));

        e.Message.ShouldContain("'b' has 1 rows");
    }

    [Fact]
    public void Indexer_UnknownColumn_ListsColumns()
    {
        Should.Throw<KeyNotFoundException>(() => People()["nope"]).Message.ShouldContain("name, age, score, vip");
    }

    [Fact]
    public void TypedAccessors_ReturnValuesAndNulls()
    {
        var frame = People();

        frame.GetColumn<long>("age")[1].ShouldBeNull();
        frame[2, "name"].ShouldBe("cy");
        frame.Row(0).Get<bool>("vip").ShouldBe(true);
        frame.Row(2).IsNull("score").ShouldBeTrue();
        Should.Throw<InvalidCastException>(() => frame.GetColumn<int>("age"));
    }

    [Fact]
    public void HeadTailSample_ReturnExpectedRows()
    {
        var frame = People();

        frame.Head(2).GetStringColumn("name").ToStringArray().ShouldBe(["ann", "bob"]);
        frame.Tail(2).GetStringColumn("name").ToStringArray().ShouldBe(["eve", "fay"]);
        frame.Sample(4, seed: 3).GetStringColumn("name").ToStringArray().ShouldBe(frame.Sample(4, seed: 3).GetStringColumn("name").ToStringArray());
        frame.Sample(6, seed: 1).GetStringColumn("name").ToStringArray().Order().ShouldBe(["ann", "bob", "cy", "dee", "eve", "fay"]);
    }

    [Fact]
    public void SelectDropAddColumn_ShapeColumns()
    {
        var frame = People();

        frame.Select("score", "name").ColumnNames.ShouldBe(["score", "name"]);
        frame.Drop("age", "vip").ColumnNames.ShouldBe(["name", "score"]);
        frame.AddColumn(new PrimitiveColumn<int>("n", [1, 2, 3, 4, 5, 6])).ColumnNames.ShouldBe(["name", "age", "score", "vip", "n"]);
        frame.AddColumn(new PrimitiveColumn<int>("age", [1, 2, 3, 4, 5, 6]))["age"].Kind.ShouldBe(DataKind.Int32);
        frame.ColumnNames.ShouldBe(["name", "age", "score", "vip"]);
    }

    [Fact]
    public void Filter_MaskAndPredicate_AgreeWithLinq()
    {
        var frame = People();
        var expected = Enumerable.Range(0, frame.RowCount).Where(i => frame.Row(i).GetDouble("score") > 1).ToArray();

        var byPredicate = frame.Filter(r => r.GetDouble("score") > 1);
        var byMask = frame.Filter(Enumerable.Range(0, frame.RowCount).Select(i => expected.Contains(i)).ToArray());

        byPredicate.GetStringColumn("name").ToStringArray().ShouldBe(expected.Select(i => frame.GetStringColumn("name")[i]).ToArray());
        byMask.ToCsv().ShouldBe(byPredicate.ToCsv());
    }

    [Fact]
    public void Sort_MultiKeyStableNullsLast_AgreesWithLinqOrderBy()
    {
        var frame = People();
        var names = frame.GetStringColumn("name").ToStringArray();
        var ages = frame.GetColumn<long>("age");
        var scores = frame.GetColumn<double>("score");
        var expected = Enumerable.Range(0, frame.RowCount)
            .OrderBy(i => ages[i] is null).ThenBy(i => ages[i])
            .ThenBy(i => scores[i] is null).ThenByDescending(i => scores[i])
            .Select(i => names[i]).ToArray();

        var sorted = frame.Sort(new SortKey("age"), new SortKey("score", Descending: true));

        sorted.GetStringColumn("name").ToStringArray().ShouldBe(expected);
        frame.Sort("vip").GetStringColumn("name").ToStringArray().ShouldBe(["bob", "cy", "eve", "ann", "dee", "fay"]);
    }

    [Fact]
    public void FillNulls_NotInPlace_LeavesSourceUntouched()
    {
        var frame = People();

        var filled = frame.FillNulls(new Dictionary<string, object> { ["age"] = 40L, ["score"] = 0.0 });
        var byValue = frame.FillNulls(7);

        filled.GetColumn<long>("age")[1].ShouldBe(40);
        filled.GetColumn<double>("score")[2].ShouldBe(0.0);
        byValue.GetColumn<long>("age")[1].ShouldBe(7);
        frame.GetColumn<long>("age")[1].ShouldBeNull();
        frame["score"].NullCount.ShouldBe(1);
    }

    [Fact]
    public void DropNulls_AnyAllAndSubset_DropExpectedRows()
    {
        var frame = People();

        frame.DropNulls().RowCount.ShouldBe(4);
        frame.DropNulls(NullRowRule.Any, "age").RowCount.ShouldBe(5);
        frame.DropNulls(NullRowRule.All, "age", "score").RowCount.ShouldBe(6);
    }

    [Fact]
    public void ValueCounts_CountsAgreeWithLinqGroupBy()
    {
        var frame = People();
        var expected = frame.GetColumn<long>("age").Values.ToArray()
            .Where((_, i) => !frame["age"].IsNull(i))
            .GroupBy(a => a).OrderByDescending(g => g.Count()).Select(g => (g.Key, (long)g.Count())).ToArray();

        var counts = frame.ValueCounts("age");

        counts.ColumnNames.ShouldBe(["age", "count"]);
        Enumerable.Range(0, counts.RowCount).Select(i => (counts.GetColumn<long>("age")[i]!.Value, counts.GetColumn<long>("count")[i]!.Value))
            .ShouldBe(expected);
    }

    [Fact]
    public void ToArray_RowMajorWithNaNForNulls()
    {
        var array = People().ToArray("age", "score", "vip");

        array.Shape.ShouldBe([6, 3]);
        array[0, 0].ShouldBe(34f);
        array[0, 1].ShouldBe(1.5f);
        array[0, 2].ShouldBe(1f);
        float.IsNaN(array[1, 0]).ShouldBeTrue();
        array.Data.Length.ShouldBe(18);
        Should.Throw<InvalidOperationException>(() => People().ToArray("name"));
    }

    [Fact]
    public void InfoAndDescribe_AreFrames()
    {
        var info = People().Info();

        info.GetStringColumn("column").ToStringArray().ShouldBe(["name", "age", "score", "vip"]);
        info.GetColumn<long>("nulls").Values.ToArray().ShouldBe([0L, 1L, 1L, 0L]);
        People().Describe().ToFrame().RowCount.ShouldBe(4);
    }

    [Fact]
    public void ToMimeBundle_LongFrame_ShowsHeadRowsKindsAndRemainder()
    {
        var frame = new Frame(new PrimitiveColumn<int>("n", Enumerable.Range(0, 25)), new StringColumn("s", Enumerable.Repeat<string?>("<b>", 25)));

        var bundle = frame.ToMimeBundle();

        var html = bundle.GetText(MimeTypes.Html)!;
        html.ShouldContain("<th>n</th>");
        html.ShouldContain("Int32");
        html.ShouldContain("&lt;b&gt;");
        html.ShouldContain("… 15 more rows (25 rows × 2 columns)");
        html.ShouldNotContain("<td>10</td>");
        var text = bundle.GetText(MimeTypes.PlainText)!;
        text.ShouldContain("… 15 more rows");
        text.Split('\n')[1].ShouldContain("String");
    }

    [Fact]
    public void Concat_TwoFrames_StacksRowsAndChecksColumns()
    {
        var frame = People();

        var stacked = Frame.Concat(frame.Head(2), frame.Tail(4));

        stacked.ToCsv().ShouldBe(frame.ToCsv());
        Should.Throw<ArgumentException>(() => Frame.Concat(frame, frame.Drop("vip"))).Message.ShouldContain("Column names differ");
        Should.Throw<ArgumentException>(() => Frame.Concat(frame, frame.AddColumn(new StringColumn("age", ["1", "2", "3", "4", "5", "6"]))));
    }

    [Fact]
    public void GroupBy_BooleanColumn_SumCountsTrue()
    {
        var sums = People().GroupBy("age").Sum();

        sums.ColumnNames.ShouldBe(["age", "score", "vip"]);
        sums.GetColumn<long>("vip").Values.ToArray().ShouldBe([1L, 2L, 0L]);
    }

    [Fact]
    public void CategoricalColumn_FromValues_SortsCategoriesAndKeepsNulls()
    {
        var column = CategoricalColumn.FromValues("c", ["b", null, "a", "b"]);

        column.Categories.ShouldBe(["a", "b"]);
        column.Codes.ToArray().ShouldBe([1, -1, 0, 1]);
        column.NullCount.ShouldBe(1);
    }
}
