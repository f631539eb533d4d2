using System.Text.Json.Serialization;

namespace Kiln.Serving.Packaging;

/// <summary>The description of a served model, stored as <c>manifest.json</c> beside its weights.</summary>
/// <remarks>
/// Like a Triton <c>config.pbtxt</c> or an MLflow <c>MLmodel</c> file: the name and version the server publishes, the layer list
/// that rebuilds the network, the input schema, the optional preprocessing pipeline and the class labels.
/// </remarks>
public sealed record ModelManifest
{
    /// <summary>The model name used in URLs (<c>/v2/models/{name}</c>); letters, digits, '-', '_' and '.'.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The model version, a string as in the V2 protocol (default "1").</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "1";

    /// <summary>The platform reported in model metadata (default <c>kiln_safetensors</c>).</summary>
    [JsonPropertyName("platform")]
    public string Platform { get; init; } = "kiln_safetensors";

    /// <summary>The weights file, relative to the model directory (default <c>model.safetensors</c>).</summary>
    [JsonPropertyName("weights")]
    public string Weights { get; init; } = "model.safetensors";

    /// <summary>The preprocessing pipeline file (Kiln.Data transformer JSON) relative to the model directory, or null for none.</summary>
    [JsonPropertyName("preprocessing")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Preprocessing { get; init; }

    /// <summary>The input feature (column) names in tensor order; <c>/predict</c> reads records by these names.</summary>
    [JsonPropertyName("features")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The class labels in output order, or null for a model without named classes.</summary>
    [JsonPropertyName("labels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The input tensor schema; <see cref="ModelPackage.Save"/> fills it from the features or the first layer when absent.</summary>
    [JsonPropertyName("input")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TensorSchema? Input { get; init; }

    /// <summary>The layers of the network in order; <see cref="ModelPackage.Save"/> describes the module when this is empty.</summary>
    [JsonPropertyName("architecture")]
    public IReadOnlyList<LayerSpec> Architecture { get; init; } = [];
}

/// <summary>The name, V2 datatype and shape of a model tensor; -1 marks the variable batch dimension.</summary>
/// <param name="Name">The tensor name used in V2 requests.</param>
/// <param name="Datatype">The V2 datatype, e.g. <c>FP32</c>.</param>
/// <param name="Shape">The dimensions, -1 for a variable one.</param>
public sealed record TensorSchema(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("shape")] IReadOnlyList<int> Shape);
