using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>A preprocessing step that learns from a frame (<see cref="Fit"/>) and then rewrites frames (<see cref="Transform"/>), saved as JSON.</summary>
/// <remarks>
/// scikit-learn: the <c>fit</c> / <c>transform</c> / <c>fit_transform</c> protocol. A transformer works on the columns it names
/// and passes the others through; the JSON form holds both its settings and what it learned, so a model server can apply
/// exactly the same preprocessing (<see cref="Save"/>, <see cref="Load"/>).
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StandardScaler), "StandardScaler")]
[JsonDerivedType(typeof(MinMaxScaler), "MinMaxScaler")]
[JsonDerivedType(typeof(OneHotEncoder), "OneHotEncoder")]
[JsonDerivedType(typeof(OrdinalEncoder), "OrdinalEncoder")]
[JsonDerivedType(typeof(SimpleImputer), "SimpleImputer")]
[JsonDerivedType(typeof(LabelEncoder), "LabelEncoder")]
[JsonDerivedType(typeof(Pipeline), "Pipeline")]
public abstract class Transformer
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Whether <see cref="Fit"/> has run (or a fitted transformer was loaded).</summary>
    [JsonIgnore]
    public abstract bool IsFitted { get; }

    /// <summary>Learns the transformation from <paramref name="frame"/>.</summary>
    /// <returns>This transformer, so calls can be chained.</returns>
    /// <remarks>scikit-learn: <c>fit</c>.</remarks>
    public Transformer Fit(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FitCore(frame);
        return this;
    }

    /// <summary>Applies the learned transformation, returning a new frame.</summary>
    /// <remarks>scikit-learn: <c>transform</c>.</remarks>
    /// <exception cref="InvalidOperationException">The transformer is not fitted.</exception>
    public Frame Transform(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!IsFitted)
        {
            throw new InvalidOperationException($"This {GetType().Name} is not fitted; call Fit (or FitTransform) on training data first.");
        }

        return TransformCore(frame);
    }

    /// <summary>Fits on <paramref name="frame"/> and transforms it.</summary>
    /// <remarks>scikit-learn: <c>fit_transform</c>.</remarks>
    public Frame FitTransform(Frame frame) => Fit(frame).Transform(frame);

    /// <summary>Returns the transformer, settings and learned state, as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, ToJson());
    }

    /// <summary>Recreates a transformer from <see cref="ToJson"/> output.</summary>
    /// <exception cref="JsonException">The JSON is not a saved transformer.</exception>
    public static Transformer FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<Transformer>(json, JsonOptions)
            ?? throw new JsonException("The JSON is null; pass the output of Transformer.ToJson().");
    }

    /// <summary>Loads a transformer saved with <see cref="Save"/>.</summary>
    public static Transformer Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromJson(File.ReadAllText(path));
    }

    /// <summary>Loads a transformer saved with <see cref="Save"/>, checking its type.</summary>
    /// <exception cref="InvalidCastException">The file holds another kind of transformer.</exception>
    public static T Load<T>(string path)
        where T : Transformer
    {
        var t = Load(path);
        return t as T ?? throw new InvalidCastException($"'{path}' holds a {t.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>Learns from <paramref name="frame"/>.</summary>
    protected abstract void FitCore(Frame frame);

    /// <summary>Transforms <paramref name="frame"/> with the learned state.</summary>
    protected abstract Frame TransformCore(Frame frame);

    /// <summary>Returns the named columns, checking that at least one is named and that each exists.</summary>
    protected static DataColumn[] Resolve(Frame frame, IReadOnlyList<string> columns, bool numeric)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (columns.Count == 0)
        {
            throw new InvalidOperationException("No columns are set; name the columns to transform in the Columns property.");
        }

        var resolved = columns.Select(n => frame[n]).ToArray();
        var bad = resolved.FirstOrDefault(c => numeric && !c.IsNumeric && c.Kind != DataKind.Boolean);
        return bad is null
            ? resolved
            : throw new ArgumentException($"Column '{bad.Name}' is {bad.Kind}; this transformer needs numeric columns (encode text first).", nameof(frame));
    }

    /// <summary>Returns the non-null values of a numeric column.</summary>
    protected static double[] ValidValues(DataColumn column)
    {
        var values = new List<double>(column.Length);
        for (var i = 0; i < column.Length; i++)
        {
            if (!column.IsNull(i))
            {
                values.Add(column.GetDouble(i));
            }
        }

        return [.. values];
    }

    /// <summary>Returns a Float64 column computed from each value of a numeric column; nulls stay null.</summary>
    protected static DataColumn MapDouble(DataColumn column, Func<double, double> map) =>
        new PrimitiveColumn<double>(column.Name, Enumerable.Range(0, column.Length).Select(i => column.IsNull(i) ? (double?)null : map(column.GetDouble(i))));
}
