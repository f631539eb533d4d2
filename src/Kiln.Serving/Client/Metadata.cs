using System.Text.Json.Serialization;

namespace Kiln.Serving.Client;

/// <summary>The V2 server metadata.</summary>
/// <param name="Name">The server name.</param>
/// <param name="Version">The server version.</param>
/// <param name="Extensions">The protocol extensions it supports.</param>
public sealed record ServerMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("extensions")] IReadOnlyList<string> Extensions);

/// <summary>The V2 metadata of a model.</summary>
/// <param name="Name">The model name.</param>
/// <param name="Versions">The loaded versions.</param>
/// <param name="Platform">The platform, e.g. <c>kiln_safetensors</c>.</param>
/// <param name="Inputs">The input tensors.</param>
/// <param name="Outputs">The output tensors.</param>
public sealed record ModelMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("versions")] IReadOnlyList<string>? Versions,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("inputs")] IReadOnlyList<TensorMetadata> Inputs,
    [property: JsonPropertyName("outputs")] IReadOnlyList<TensorMetadata> Outputs);

/// <summary>The metadata of one model tensor; -1 marks a variable dimension.</summary>
/// <param name="Name">The tensor name.</param>
/// <param name="Datatype">The V2 datatype.</param>
/// <param name="Shape">The dimensions.</param>
public sealed record TensorMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape);
