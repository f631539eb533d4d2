using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests.Ipynb;

public sealed class IpynbRoundTripTests
{
    public static TheoryData<string> CanonicalFixtures() => [.. Fixture.Files("canonical", "*.ipynb")];

    public static TheoryData<string> AllIpynbFixtures() => [.. AllIpynbNames()];

    private static IEnumerable<string> AllIpynbNames() =>
        Fixture.Files("canonical", "*.ipynb").Select(f => "canonical/" + f)
            .Concat(Fixture.Files("noncanonical", "*.ipynb").Select(f => "noncanonical/" + f));

    [Theory]
    [MemberData(nameof(CanonicalFixtures))]
    public void Serialize_NotebookWrittenByPythonNbformat_ReproducesItByteForByte(string name)
    {
        var text = Fixture.Text("canonical/" + name);

        var written = IpynbFormat.Serialize(IpynbFormat.Parse(text, name));

        written.ShouldBe(text);
    }

    [Fact]
    public void RoundTrip_EveryFixture_IsValidCanonicalAndSemanticallyEqualPerNbformat()
    {
        using var temp = Fixture.NewTempFolder();
        var names = AllIpynbNames().ToList();
        var jobs = names.Select(name =>
        {
            var output = temp.File(name.Replace('/', '_'));
            NotebookFile.Save(NotebookFile.Load(Fixture.PathOf(name)), output);
            return (output, (string?)Fixture.PathOf(name));
        }).ToArray();

        var results = NbformatJudge.Judge(jobs);

        for (var i = 0; i < names.Count; i++)
        {
            var (name, result) = (names[i], results[i]);
            result.Semantic.ShouldBe(true, $"{name}: {result.Diff}");
            result.IdsKept.ShouldBe(true, name);
            if (name.EndsWith("future-types.ipynb", StringComparison.Ordinal))
            {
                // Unknown cell/output types are not schema-valid 4.5, and raw number text (1E2, -0) is kept on purpose.
                continue;
            }

            result.Valid.ShouldBeTrue($"{name}: {result.Error}");
            result.Canonical.ShouldBeTrue($"{name}: {result.Diff}");
        }
    }

    [Theory]
    [MemberData(nameof(AllIpynbFixtures))]
    public void Serialize_Twice_IsStable(string name)
    {
        var first = IpynbFormat.Serialize(NotebookFile.Load(Fixture.PathOf(name)));

        var second = IpynbFormat.Serialize(IpynbFormat.Parse(first));

        second.ShouldBe(first);
    }

    [Fact]
    public void Serialize_FutureTypes_KeepsUnknownTypesKeysAndOriginalNumberText()
    {
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/future-types.ipynb"));

        var written = IpynbFormat.Serialize(document);

        document.Cells[0].CellType.ShouldBe("widget");
        document.Cells[1].Outputs[0].ShouldBeOfType<UnknownOutput>().OutputType.ShouldBe("future_output");
        written.ShouldContain("\"x_top\": {\n  \"k\": 1.50\n }", Case.Sensitive);
        written.ShouldContain("\"num\": 1E2", Case.Sensitive);
        written.ShouldContain("\"neg\": -0", Case.Sensitive);
        written.ShouldContain("\"nan\": NaN", Case.Sensitive);
        written.ShouldContain("\"y\": 0.10", Case.Sensitive);
        written.ShouldContain("\"payload\": [", Case.Sensitive);
        written.ShouldContain("\"x_extra\": true", Case.Sensitive);
        written.ShouldNotContain("orig_nbformat", Case.Sensitive);
        written.ShouldNotContain("trusted", Case.Sensitive);
    }
}
