using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Serving.Client;

/// <summary>A V2 inference request body.</summary>
public sealed record InferenceRequest
{
    /// <summary>An optional id the server echoes.</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>Optional request parameters, echoed by Kiln's server.</summary>
    [JsonPropertyName("parameters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Parameters { get; init; }

    /// <summary>The input tensors.</summary>
    [JsonPropertyName("inputs")]
    public required IReadOnlyList<InferenceTensor> Inputs { get; init; }

    /// <summary>The outputs wanted, or null for all.</summary>
    [JsonPropertyName("outputs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RequestedOutput>? Outputs { get; init; }
}

/// <summary>One requested output of a V2 inference request.</summary>
/// <param name="Name">The output name.</param>
public sealed record RequestedOutput([property: JsonPropertyName("name")] string Name);

/// <summary>A V2 inference response body.</summary>
public sealed record InferenceResponse
{
    /// <summary>The model that answered.</summary>
    [JsonPropertyName("model_name")]
    public required string ModelName { get; init; }

    /// <summary>The version that answered.</summary>
    [JsonPropertyName("model_version")]
    public string? ModelVersion { get; init; }

    /// <summary>The echoed request id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The echoed parameters.</summary>
    [JsonPropertyName("parameters")]
    public IReadOnlyDictionary<string, JsonElement>? Parameters { get; init; }

    /// <summary>The output tensors.</summary>
    [JsonPropertyName("outputs")]
    public required IReadOnlyList<InferenceTensor> Outputs { get; init; }

    /// <summary>The output named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The response has no such output.</exception>
    public InferenceTensor this[string name] => Outputs.FirstOrDefault(o => o.Name == name)
        ?? throw new KeyNotFoundException($"The response has no output '{name}'; it has {string.Join(", ", Outputs.Select(o => o.Name))}.");
}
