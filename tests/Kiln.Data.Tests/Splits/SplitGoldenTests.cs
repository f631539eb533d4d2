using System.Text.Json.Nodes;

namespace Kiln.Data.Tests.Splits;

public class SplitGoldenTests
{
    private static readonly JsonNode Fixture = Golden.Load("splits.json");

    private static Frame Labelled(IEnumerable<int> labels) =>
        new(new PrimitiveColumn<long>("y", labels.Select(l => (long)l)));

    public static TheoryData<int> TrainTestCases() => [.. Enumerable.Range(0, Fixture["train_test"]!.AsArray().Count)];

    public static TheoryData<int> StratifiedCases() => [.. Enumerable.Range(0, Fixture["stratified"]!.AsArray().Count)];

    public static TheoryData<int> KFoldCases() => [.. Enumerable.Range(0, Fixture["kfold"]!.AsArray().Count)];

    public static TheoryData<int> StratifiedKFoldCases() => [.. Enumerable.Range(0, Fixture["stratified_kfold"]!.AsArray().Count)];

    [Theory]
    [MemberData(nameof(TrainTestCases))]
    public void TrainTestSplit_Sizes_MatchScikitLearn(int index)
    {
        var c = Fixture["train_test"]![index]!;
        var frame = Labelled(Enumerable.Range(0, c["n"]!.GetValue<int>()));

        var (train, test) = c["is_count"]!.GetValue<bool>()
            ? Kiln.Data.Splits.TrainTestSplit(frame, c["test_size"]!.GetValue<int>(), seed: 42)
            : Kiln.Data.Splits.TrainTestSplit(frame, c["test_size"]!.GetValue<double>(), seed: 42);

        train.RowCount.ShouldBe(c["train"]!.GetValue<int>());
        test.RowCount.ShouldBe(c["test"]!.GetValue<int>());
        train["y"].ToDoubleArray().Concat(test["y"].ToDoubleArray()).Order().ShouldBe(frame["y"].ToDoubleArray());
    }

    [Theory]
    [MemberData(nameof(StratifiedCases))]
    public void TrainTestSplit_Stratified_ClassCountsMatchAnOutcomeOfScikitLearn(int index)
    {
        var c = Fixture["stratified"]![index]!;
        var counts = c["counts"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var frame = Labelled(counts.SelectMany((n, k) => Enumerable.Repeat(k, n)));
        var outcomes = c["outcomes"]!.AsArray()
            .Select(o => (Train: string.Join(",", o!["train"]!.AsArray()), Test: string.Join(",", o["test"]!.AsArray())))
            .ToArray();

        foreach (var seed in new[] { 0, 1, 2, 3 })
        {
            var (train, test) = c["is_count"]!.GetValue<bool>()
                ? Kiln.Data.Splits.TrainTestSplit(frame, c["test_size"]!.GetValue<int>(), seed, stratify: "y")
                : Kiln.Data.Splits.TrainTestSplit(frame, c["test_size"]!.GetValue<double>(), seed, stratify: "y");

            string PerClass(Frame f) => string.Join(",", Enumerable.Range(0, counts.Length).Select(k => f.GetColumn<long>("y").Values.ToArray().Count(v => v == k)));
            outcomes.ShouldContain((PerClass(train), PerClass(test)), $"seed {seed}");
        }
    }

    [Theory]
    [MemberData(nameof(KFoldCases))]
    public void KFold_Unshuffled_FoldsEqualScikitLearn(int index)
    {
        var c = Fixture["kfold"]![index]!;
        var expected = c["test"]!.AsArray().Select(f => f!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray();
        var n = c["n"]!.GetValue<int>();

        var folds = new KFold(c["k"]!.GetValue<int>()).Split(n).ToArray();
        var shuffled = new KFold(c["k"]!.GetValue<int>(), shuffle: true, seed: 5).Split(n).ToArray();

        folds.Select(f => f.Test).ShouldBe(expected);
        folds.ShouldAllBe(f => f.Train.Length + f.Test.Length == n && !f.Train.Intersect(f.Test).Any());
        shuffled.Select(f => f.Test.Length).ShouldBe(c["shuffled_sizes"]!.AsArray().Select(v => v!.GetValue<int>()));
        shuffled.SelectMany(f => f.Test).Order().ShouldBe(Enumerable.Range(0, n));
    }

    [Theory]
    [MemberData(nameof(StratifiedKFoldCases))]
    public void StratifiedKFold_Folds_MatchScikitLearn(int index)
    {
        var c = Fixture["stratified_kfold"]![index]!;
        var labels = c["labels"]!.AsArray().Select(v => v!.ToString()).ToArray();
        var column = new StringColumn("y", labels);
        var k = c["k"]!.GetValue<int>();
        var expected = c["test"]!.AsArray().Select(f => f!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray();
        var classes = c["classes_in_order"]!.AsArray().Select(v => v!.ToString()).ToArray();
        var expectedShuffled = c["shuffled_class_counts"]!.AsArray().Select(f => f!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray();

        var folds = new StratifiedKFold(k).Split(column).ToArray();
        var shuffled = new StratifiedKFold(k, shuffle: true, seed: 11).Split(column).ToArray();

        folds.Select(f => f.Test).ShouldBe(expected);
        shuffled.Select(f => classes.Select(cl => f.Test.Count(i => labels[i] == cl)).ToArray()).ShouldBe(expectedShuffled);
    }

    [Fact]
    public void TrainTestSplit_SameSeed_IsReproducible()
    {
        var frame = Labelled(Enumerable.Range(0, 50));

        var a = Kiln.Data.Splits.TrainTestSplit(frame, 0.3, seed: 9);
        var b = Kiln.Data.Splits.TrainTestSplit(frame, 0.3, seed: 9);

        a.Test["y"].ToDoubleArray().ShouldBe(b.Test["y"].ToDoubleArray());
    }

    [Fact]
    public void TrainTestSplit_SingletonClass_ThrowsLikeScikitLearn()
    {
        var frame = Labelled([0, 0, 0, 1, 1, 2]);

        Should.Throw<ArgumentException>(() => Kiln.Data.Splits.TrainTestSplit(frame, 0.5, stratify: "y")).Message.ShouldContain("only 1 member");
    }
}
