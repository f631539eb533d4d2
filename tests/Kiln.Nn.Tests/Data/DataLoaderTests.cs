using Kiln.Nn.Data;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Data;

public sealed class DataLoaderTests
{
    private static TensorDataset Dataset() =>
        new(Tensor.Arange(0, 10).Reshape(10, 1), Tensor.Arange(10));

    [Fact]
    public void Batches_WithoutShuffle_MatchPyTorch()
    {
        foreach (var c in Fixture.Load("misc.json").GetProperty("loader").EnumerateArray())
        {
            var loader = new DataLoader(Dataset(), c.GetProperty("batchSize").GetInt32(), dropLast: c.GetProperty("dropLast").GetBoolean());
            var expected = c.GetProperty("batches").EnumerateArray().Select(b => b.EnumerateArray().Select(e => e.GetInt64()).ToArray()).ToList();

            var batches = loader.Select(b => b[1].ToArray<long>()).ToList();

            batches.ShouldBe(expected);
            loader.Count.ShouldBe(expected.Count);
        }
    }

    [Fact]
    public void Batches_KeepFeaturesAlignedWithLabels()
    {
        foreach (var batch in new DataLoader(Dataset(), 4, shuffle: true, seed: 1))
        {
            batch[0].Shape[1].ShouldBe(1);
            batch[0].ToArray().ShouldBe(batch[1].ToArray());
        }
    }

    [Fact]
    public void Shuffle_SameSeed_SameOrderEveryRun_AndEachEpochIsAPermutation()
    {
        static List<long[]> TwoEpochs(long seed)
        {
            var loader = new DataLoader(Dataset(), 3, shuffle: true, seed: seed);
            return [.. loader.Concat(loader).Select(b => b[1].ToArray<long>())];
        }

        var first = TwoEpochs(7);
        first.ShouldBe(TwoEpochs(7));
        first.ShouldNotBe(TwoEpochs(8));
        var epoch1 = first.Take(4).SelectMany(b => b).ToArray();
        var epoch2 = first.Skip(4).SelectMany(b => b).ToArray();
        epoch1.Order().ShouldBe(Enumerable.Range(0, 10).Select(i => (long)i));
        epoch2.Order().ShouldBe(Enumerable.Range(0, 10).Select(i => (long)i));
        epoch1.ShouldNotBe(epoch2);
    }

    [Fact]
    public void Collate_CustomDataset_StacksSamples()
    {
        var batches = new DataLoader(new Squares(5), 2).ToList();
        batches.Count.ShouldBe(3);
        batches[1][0].ToArray().ShouldBe([2f, 3f]);
        batches[1][1].ToArray().ShouldBe([4f, 9f]);
    }

    [Fact]
    public void TensorDataset_DifferentRowCounts_NamesShapes()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => new TensorDataset(Tensor.Zeros(4, 2), Tensor.Zeros(3)));
        ex.Message.ShouldContain("[4, 2]");
        ex.Message.ShouldContain("[3]");
    }

    private sealed class Squares(int count) : IDataset
    {
        public int Count => count;

        public IReadOnlyList<Tensor> this[int index] => [Tensor.Scalar(index), Tensor.Scalar(index * index)];
    }
}
