using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>Centers numeric columns on their mean and divides by their population standard deviation.</summary>
/// <remarks>
/// scikit-learn: <c>StandardScaler(with_mean, with_std)</c>. z = (x − mean) / scale with scale = sqrt(population variance, ddof = 0),
/// and scale = 1 for a constant column. Nulls are ignored when fitting and stay null. Output columns are Float64.
/// </remarks>
public sealed class StandardScaler : Transformer
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>Creates an unfitted scaler with no columns; set <see cref="Columns"/>.</summary>
    public StandardScaler()
    {
    }

    /// <summary>Creates an unfitted scaler for the named columns.</summary>
    public StandardScaler(params string[] columns) => Columns = columns;

    /// <summary>The columns to scale.</summary>
    public string[] Columns { get; init; } = [];

    /// <summary>Whether to subtract the mean; defaults to true.</summary>
    public bool WithMean { get; init; } = true;

    /// <summary>Whether to divide by the standard deviation; defaults to true.</summary>
    public bool WithStd { get; init; } = true;

    /// <summary>The learned mean of each column (scikit-learn <c>mean_</c>).</summary>
    [JsonInclude]
    public double[]? Mean { get; private set; }

    /// <summary>The learned population variance of each column (scikit-learn <c>var_</c>).</summary>
    [JsonInclude]
    public double[]? Variance { get; private set; }

    /// <summary>The learned divisor of each column (scikit-learn <c>scale_</c>).</summary>
    [JsonInclude]
    public double[]? Scale { get; private set; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override bool IsFitted => Mean is not null;

    /// <summary>Maps scaled values back to the original units.</summary>
    /// <remarks>scikit-learn: <c>inverse_transform</c>.</remarks>
    public Frame InverseTransform(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!IsFitted)
        {
            throw new InvalidOperationException("This StandardScaler is not fitted; call Fit first.");
        }

        var result = frame;
        for (var j = 0; j < Columns.Length; j++)
        {
            var (mean, scale) = (WithMean ? Mean![j] : 0, WithStd ? Scale![j] : 1);
            result = result.AddColumn(MapDouble(frame[Columns[j]], x => (x * scale) + mean));
        }

        return result;
    }

    /// <inheritdoc/>
    protected override void FitCore(Frame frame)
    {
        var columns = Resolve(frame, Columns, numeric: true);
        var n = columns.Length;
        var mean = new double[n];
        var variance = new double[n];
        var scale = new double[n];
        for (var j = 0; j < n; j++)
        {
            var x = ValidValues(columns[j]);
            if (x.Length == 0)
            {
                throw new ArgumentException($"Column '{Columns[j]}' has no non-null values to fit on.", nameof(frame));
            }

            var sum = 0.0;
            foreach (var v in x)
            {
                sum += v;
            }

            var m = sum / x.Length;
            double sq = 0, correction = 0;
            foreach (var v in x)
            {
                sq += (v - m) * (v - m);
                correction += v - m;
            }

            mean[j] = m;
            variance[j] = (sq - (correction * correction / x.Length)) / x.Length;
            var constant = variance[j] <= (x.Length * Eps * variance[j]) + Math.Pow(x.Length * m * Eps, 2);
            scale[j] = constant ? 1.0 : Math.Sqrt(variance[j]);
        }

        (Mean, Variance, Scale) = (mean, variance, scale);
    }

    /// <inheritdoc/>
    protected override Frame TransformCore(Frame frame)
    {
        var result = frame;
        for (var j = 0; j < Columns.Length; j++)
        {
            var (mean, scale) = (WithMean ? Mean![j] : 0, WithStd ? Scale![j] : 1);
            result = result.AddColumn(MapDouble(frame[Columns[j]], x => (x - mean) / scale));
        }

        return result;
    }
}
