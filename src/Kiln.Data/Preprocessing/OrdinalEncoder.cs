using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>Replaces the values of categorical columns with their position among the sorted categories, as Float64.</summary>
/// <remarks>
/// scikit-learn: <c>OrdinalEncoder(handle_unknown=..., unknown_value=...)</c>. Nulls are skipped when fitting and stay null,
/// as scikit-learn's <c>encoded_missing_value=np.nan</c>.
/// </remarks>
public sealed class OrdinalEncoder : Transformer
{
    /// <summary>Creates an unfitted encoder with no columns; set <see cref="Columns"/>.</summary>
    public OrdinalEncoder()
    {
    }

    /// <summary>Creates an unfitted encoder for the named columns.</summary>
    public OrdinalEncoder(params string[] columns) => Columns = columns;

    /// <summary>The columns to encode.</summary>
    public string[] Columns { get; init; } = [];

    /// <summary>What to do with unseen values: <see cref="UnknownCategory.Error"/> (default) or <see cref="UnknownCategory.UseEncodedValue"/>.</summary>
    public UnknownCategory HandleUnknown { get; init; } = UnknownCategory.Error;

    /// <summary>The code given to unseen values under <see cref="UnknownCategory.UseEncodedValue"/>; NaN gives null.</summary>
    public double UnknownValue { get; init; } = double.NaN;

    /// <summary>The learned categories of each column, as invariant text (scikit-learn <c>categories_</c>).</summary>
    [JsonInclude]
    public string[][]? Categories { get; private set; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override bool IsFitted => Categories is not null;

    /// <inheritdoc/>
    protected override void FitCore(Frame frame)
    {
        if (HandleUnknown == UnknownCategory.Ignore)
        {
            throw new InvalidOperationException("OrdinalEncoder.HandleUnknown must be Error or UseEncodedValue.");
        }

        Categories = Resolve(frame, Columns, numeric: false).Select(c => Preprocessing.Categories.Learn(c, allowNulls: true)).ToArray();
    }

    /// <inheritdoc/>
    protected override Frame TransformCore(Frame frame)
    {
        var result = frame;
        for (var j = 0; j < Columns.Length; j++)
        {
            var column = frame[Columns[j]];
            var categories = Categories![j];
            var index = Preprocessing.Categories.Index(categories);
            var codes = new double?[column.Length];
            for (var i = 0; i < column.Length; i++)
            {
                if (column.IsNull(i))
                {
                    continue;
                }

                var text = column.FormatValue(i);
                if (index.TryGetValue(text, out var k))
                {
                    codes[i] = k;
                }
                else if (HandleUnknown == UnknownCategory.UseEncodedValue)
                {
                    codes[i] = UnknownValue;
                }
                else
                {
                    throw Preprocessing.Categories.Unknown(column.Name, text, categories);
                }
            }

            result = result.AddColumn(new PrimitiveColumn<double>(Columns[j], codes));
        }

        return result;
    }
}
