namespace Kiln.Data;

/// <summary>A dense row-major array with its shape, for handing a frame to a tensor library.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="Data">The values, row after row.</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Columns">The number of columns.</param>
public sealed record DenseArray<T>(T[] Data, int Rows, int Columns)
{
    /// <summary>The shape as <c>[rows, columns]</c>.</summary>
    public int[] Shape => [Rows, Columns];

    /// <summary>Gets the value at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public T this[int row, int column] => Data[(row * Columns) + column];
}

/// <summary>Conversion to dense arrays.</summary>
public sealed partial class Frame
{
    /// <summary>Returns the named numeric, boolean or categorical columns (all columns when none are named) as a row-major <see cref="float"/> array.</summary>
    /// <remarks>Nulls become NaN, booleans 0 and 1, categories their codes. pandas: <c>df[cols].to_numpy(dtype="float32")</c>.</remarks>
    /// <exception cref="InvalidOperationException">A column holds text or dates.</exception>
    public DenseArray<float> ToArray(params string[] columns)
    {
        var d = ToDoubleArray(columns);
        return new DenseArray<float>(Array.ConvertAll(d.Data, v => (float)v), d.Rows, d.Columns);
    }

    /// <summary>Returns the named numeric, boolean or categorical columns (all columns when none are named) as a row-major <see cref="double"/> array.</summary>
    /// <remarks>Nulls become NaN, booleans 0 and 1, categories their codes. pandas: <c>df[cols].to_numpy()</c>.</remarks>
    /// <exception cref="InvalidOperationException">A column holds text or dates.</exception>
    public DenseArray<double> ToDoubleArray(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var selected = columns.Length == 0 ? _columns : columns.Select(n => this[n]).ToArray();
        var rows = RowCount;
        var data = new double[rows * selected.Length];
        for (var j = 0; j < selected.Length; j++)
        {
            var c = selected[j];
            for (var i = 0; i < rows; i++)
            {
                data[(i * selected.Length) + j] = c.GetDouble(i);
            }
        }

        return new DenseArray<double>(data, rows, selected.Length);
    }
}

/// <summary>CSV shortcuts.</summary>
public sealed partial class Frame
{
    /// <summary>Reads a CSV file (see <see cref="Csv.Read(string, CsvReadOptions?)"/>).</summary>
    /// <remarks>pandas: <c>pd.read_csv</c>; Microsoft.Data.Analysis: <c>DataFrame.LoadCsv</c>.</remarks>
    public static Frame ReadCsv(string path, CsvReadOptions? options = null) => Csv.Read(path, options);

    /// <summary>Writes this frame to a CSV file (see <see cref="Csv.Write(Frame, string, CsvWriteOptions?)"/>).</summary>
    /// <remarks>pandas: <c>df.to_csv(path, index=False)</c>.</remarks>
    public void WriteCsv(string path, CsvWriteOptions? options = null) => Csv.Write(this, path, options);

    /// <summary>Returns this frame as CSV text.</summary>
    public string ToCsv(CsvWriteOptions? options = null) => Csv.WriteString(this, options);
}
