using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>Transformers applied one after another, each to the columns it names; fitted, saved and loaded as one.</summary>
/// <remarks>
/// scikit-learn: <c>Pipeline</c> of transformers. Because every Kiln transformer names its columns and passes the others through,
/// a pipeline whose steps touch different columns is scikit-learn's <c>ColumnTransformer(..., remainder="passthrough")</c>
/// (except that output columns keep their names and positions instead of being prefixed and moved to the front).
/// </remarks>
public sealed class Pipeline : Transformer
{
    /// <summary>Creates an empty pipeline; add steps with <see cref="Add"/>.</summary>
    public Pipeline()
    {
    }

    /// <summary>Creates a pipeline of the given steps.</summary>
    public Pipeline(params Transformer[] steps) => Steps = [.. steps];

    /// <summary>The steps, in order.</summary>
    public List<Transformer> Steps { get; init; } = [];

    /// <inheritdoc/>
    [JsonIgnore]
    public override bool IsFitted => Steps.Count > 0 && Steps.TrueForAll(s => s.IsFitted);

    /// <summary>Appends a step.</summary>
    /// <returns>This pipeline, so calls can be chained.</returns>
    public Pipeline Add(Transformer step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Steps.Add(step);
        return this;
    }

    /// <inheritdoc/>
    protected override void FitCore(Frame frame)
    {
        if (Steps.Count == 0)
        {
            throw new InvalidOperationException("The pipeline has no steps; add transformers before fitting.");
        }

        var current = frame;
        for (var i = 0; i < Steps.Count; i++)
        {
            Steps[i].Fit(current);
            if (i < Steps.Count - 1)
            {
                current = Steps[i].Transform(current);
            }
        }
    }

    /// <inheritdoc/>
    protected override Frame TransformCore(Frame frame)
    {
        var current = frame;
        foreach (var step in Steps)
        {
            current = step.Transform(current);
        }

        return current;
    }
}
