using Kiln.Data;

namespace Kiln.Data.Tests;

/// <summary>The workflow's datasets under data/ survive a CSV write and read unchanged.</summary>
public sealed class DataFilesRoundTripTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("kiln-data-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string DataFile(string name) => RepositoryPaths.Combine("data", name);

    [Theory]
    [InlineData("breast-cancer.csv", 569, 32)]
    [InlineData("digits.csv", 1797, 65)]
    public void WriteThenRead_DataFile_SameColumnsKindsAndValues(string name, int rows, int columns)
    {
        var original = Frame.ReadCsv(DataFile(name));
        var copy = Path.Combine(_temp, name);

        original.WriteCsv(copy);
        var reread = Frame.ReadCsv(copy);

        original.RowCount.ShouldBe(rows);
        original.ColumnCount.ShouldBe(columns);
        reread.ColumnNames.ShouldBe(original.ColumnNames);
        reread.Columns.Select(c => c.Kind).ShouldBe(original.Columns.Select(c => c.Kind));
        foreach (var column in original.ColumnNames)
        {
            for (var row = 0; row < rows; row++)
            {
                reread[row, column].ShouldBe(original[row, column], $"{column}, row {row}");
            }
        }
    }

    [Fact]
    public void ReadCsv_BreastCancer_InfersNumericFeaturesAndTextLabel()
    {
        var frame = Frame.ReadCsv(DataFile("breast-cancer.csv"));

        frame["id"].Kind.ShouldBe(DataKind.Int64);
        frame["mean_radius"].Kind.ShouldBe(DataKind.Float64);
        frame["diagnosis"].Kind.ShouldBe(DataKind.String);
        frame.ValueCounts("diagnosis").RowCount.ShouldBe(2);
    }
}
