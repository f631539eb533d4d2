using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>Replaces a target column's values with their position among the sorted classes, as Int64.</summary>
/// <remarks>scikit-learn: <c>LabelEncoder</c> (<c>classes_</c>, <c>transform</c>, <c>inverse_transform</c>). Unseen values and nulls are errors.</remarks>
public sealed class LabelEncoder : Transformer
{
    /// <summary>Creates an unfitted encoder; set <see cref="Column"/>.</summary>
    public LabelEncoder()
    {
    }

    /// <summary>Creates an unfitted encoder for the named target column.</summary>
    public LabelEncoder(string column) => Column = column;

    /// <summary>The target column to encode.</summary>
    public string Column { get; init; } = string.Empty;

    /// <summary>The learned classes, sorted, as invariant text (scikit-learn <c>classes_</c>).</summary>
    [JsonInclude]
    public string[]? Classes { get; private set; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override bool IsFitted => Classes is not null;

    /// <summary>Maps codes in <see cref="Column"/> back to the class text.</summary>
    /// <remarks>scikit-learn: <c>inverse_transform</c>.</remarks>
    /// <exception cref="ArgumentException">A code is outside the classes.</exception>
    public Frame InverseTransform(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var classes = Classes ?? throw new InvalidOperationException("This LabelEncoder is not fitted; call Fit first.");
        var column = frame[Column];
        var values = new string?[column.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (column.IsNull(i))
            {
                continue;
            }

            var code = column.GetDouble(i);
            values[i] = code >= 0 && code < classes.Length && code == Math.Floor(code)
                ? classes[(int)code]
                : throw new ArgumentException($"Code {code} in column '{Column}' is not between 0 and {classes.Length - 1}.", nameof(frame));
        }

        return frame.AddColumn(new StringColumn(Column, values));
    }

    /// <inheritdoc/>
    protected override void FitCore(Frame frame) =>
        Classes = Categories.Learn(Resolve(frame, [Column], numeric: false)[0], allowNulls: false);

    /// <inheritdoc/>
    protected override Frame TransformCore(Frame frame)
    {
        var column = frame[Column];
        var index = Categories.Index(Classes!);
        var codes = new long[column.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var text = column.IsNull(i) ? "null" : column.FormatValue(i);
            codes[i] = !column.IsNull(i) && index.TryGetValue(text, out var k) ? k : throw Categories.Unknown(Column, text, Classes!);
        }

        return frame.AddColumn(new PrimitiveColumn<long>(Column, codes));
    }
}
