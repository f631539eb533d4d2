using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>Replaces each categorical column with one 0/1 Float64 column per category, named <c>column_category</c>.</summary>
/// <remarks>
/// scikit-learn: <c>OneHotEncoder(sparse_output=False, handle_unknown=...)</c> with <c>get_feature_names_out</c> naming.
/// Categories are the sorted distinct values seen when fitting; the new columns take the original column's place.
/// Nulls are not a category: fill them before fitting; at transform time a null is treated as an unknown value.
/// Numeric categories are named by their invariant text, so a whole float 1.0 gives <c>x_1</c> where scikit-learn writes <c>x_1.0</c>.
/// </remarks>
public sealed class OneHotEncoder : Transformer
{
    /// <summary>Creates an unfitted encoder with no columns; set <see cref="Columns"/>.</summary>
    public OneHotEncoder()
    {
    }

    /// <summary>Creates an unfitted encoder for the named columns.</summary>
    public OneHotEncoder(params string[] columns) => Columns = columns;

    /// <summary>The columns to encode.</summary>
    public string[] Columns { get; init; } = [];

    /// <summary>What to do with unseen values: <see cref="UnknownCategory.Error"/> (default) or <see cref="UnknownCategory.Ignore"/>.</summary>
    public UnknownCategory HandleUnknown { get; init; } = UnknownCategory.Error;

    /// <summary>The learned categories of each column, as invariant text (scikit-learn <c>categories_</c>).</summary>
    [JsonInclude]
    public string[][]? Categories { get; private set; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override bool IsFitted => Categories is not null;

    /// <summary>The names of the output columns (scikit-learn <c>get_feature_names_out</c>).</summary>
    public IReadOnlyList<string> FeatureNames() => Categories is null
        ? throw new InvalidOperationException("This OneHotEncoder is not fitted; call Fit first.")
        : [.. Columns.SelectMany((c, j) => Categories[j].Select(cat => $"{c}_{cat}"))];

    /// <inheritdoc/>
    protected override void FitCore(Frame frame)
    {
        if (HandleUnknown == UnknownCategory.UseEncodedValue)
        {
            throw new InvalidOperationException("OneHotEncoder.HandleUnknown must be Error or Ignore.");
        }

        Categories = Resolve(frame, Columns, numeric: false).Select(c => Preprocessing.Categories.Learn(c, allowNulls: false)).ToArray();
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
            var data = categories.Select(_ => new double[column.Length]).ToArray();
            for (var i = 0; i < column.Length; i++)
            {
                var text = column.IsNull(i) ? null : column.FormatValue(i);
                if (text is not null && index.TryGetValue(text, out var k))
                {
                    data[k][i] = 1.0;
                }
                else if (HandleUnknown == UnknownCategory.Error)
                {
                    throw Preprocessing.Categories.Unknown(column.Name, text ?? "null", categories);
                }
            }

            result = result.ReplaceColumn(Columns[j], data.Select((d, k) => new PrimitiveColumn<double>($"{Columns[j]}_{categories[k]}", d)));
        }

        return result;
    }
}
