using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>Rescales numeric columns linearly so the fitted minimum and maximum map to a feature range.</summary>
/// <remarks>
/// scikit-learn: <c>MinMaxScaler(feature_range=(0, 1))</c>: x' = x · scale + min with scale = (high − low) / (max − min)
/// (a zero range counts as 1) and min = low − data_min · scale. Nulls are ignored when fitting and stay null. Output is Float64.
/// </remarks>
public sealed class MinMaxScaler : Transformer
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>Creates an unfitted scaler with no columns; set <see cref="Columns"/>.</summary>
    public MinMaxScaler()
    {
    }

    /// <summary>Creates an unfitted scaler for the named columns.</summary>
    public MinMaxScaler(params string[] columns) => Columns = columns;

    /// <summary>The columns to scale.</summary>
    public string[] Columns { get; init; } = [];

    /// <summary>The lower end of the output range; defaults to 0.</summary>
    public double RangeMin { get; init; }

    /// <summary>The upper end of the output range; defaults to 1.</summary>
    public double RangeMax { get; init; } = 1;

    /// <summary>The learned minimum of each column (scikit-learn <c>data_min_</c>).</summary>
    [JsonInclude]
    public double[]? DataMin { get; private set; }

    /// <summary>The learned maximum of each column (scikit-learn <c>data_max_</c>).</summary>
    [JsonInclude]
    public double[]? DataMax { get; private set; }

    /// <summary>The learned factor of each column (scikit-learn <c>scale_</c>).</summary>
    [JsonInclude]
    public double[]? Scale { get; private set; }

    /// <summary>The learned offset of each column (scikit-learn <c>min_</c>).</summary>
    [JsonInclude]
    public double[]? Offset { get; private set; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override bool IsFitted => Scale is not null;

    /// <inheritdoc/>
    protected override void FitCore(Frame frame)
    {
        if (!(RangeMin < RangeMax))
        {
            throw new InvalidOperationException($"RangeMin ({RangeMin}) must be below RangeMax ({RangeMax}).");
        }

        var columns = Resolve(frame, Columns, numeric: true);
        var n = columns.Length;
        var (lo, hi, scale, offset) = (new double[n], new double[n], new double[n], new double[n]);
        for (var j = 0; j < n; j++)
        {
            var x = ValidValues(columns[j]);
            if (x.Length == 0)
            {
                throw new ArgumentException($"Column '{Columns[j]}' has no non-null values to fit on.", nameof(frame));
            }

            lo[j] = x.Min();
            hi[j] = x.Max();
            var range = hi[j] - lo[j];
            scale[j] = (RangeMax - RangeMin) / (range < 10 * Eps ? 1.0 : range);
            offset[j] = RangeMin - (lo[j] * scale[j]);
        }

        (DataMin, DataMax, Scale, Offset) = (lo, hi, scale, offset);
    }

    /// <inheritdoc/>
    protected override Frame TransformCore(Frame frame)
    {
        var result = frame;
        for (var j = 0; j < Columns.Length; j++)
        {
            var (scale, offset) = (Scale![j], Offset![j]);
            result = result.AddColumn(MapDouble(frame[Columns[j]], x => (x * scale) + offset));
        }

        return result;
    }
}
