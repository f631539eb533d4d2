using System.Text.Json.Serialization;

namespace Kiln.Serving.Packaging;

/// <summary>One layer of a model's declarative architecture, as written in the manifest (<c>{"type":"linear","in":30,"out":32}</c>).</summary>
/// <remarks>
/// Types: <c>linear</c> (<c>in</c>, <c>out</c>, <c>bias</c>), <c>relu</c>, <c>leaky_relu</c> (<c>slope</c>), <c>gelu</c>, <c>sigmoid</c>,
/// <c>tanh</c>, <c>dropout</c> (<c>p</c>), <c>softmax</c> and <c>log_softmax</c> (<c>dim</c>), <c>flatten</c>, <c>layer_norm</c> (<c>size</c>, <c>eps</c>).
/// PyTorch: the modules of <c>torch.nn.Sequential</c>, with their constructor arguments.
/// </remarks>
public sealed record LayerSpec
{
    /// <summary>The layer kind in snake case, e.g. <c>linear</c> or <c>relu</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Input features of a <c>linear</c> layer.</summary>
    [JsonPropertyName("in")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? In { get; init; }

    /// <summary>Output features of a <c>linear</c> layer.</summary>
    [JsonPropertyName("out")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Out { get; init; }

    /// <summary>Whether a <c>linear</c> layer has a bias (default true).</summary>
    [JsonPropertyName("bias")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Bias { get; init; }

    /// <summary>Drop probability of a <c>dropout</c> layer (inactive when serving).</summary>
    [JsonPropertyName("p")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? P { get; init; }

    /// <summary>Negative slope of a <c>leaky_relu</c> layer.</summary>
    [JsonPropertyName("slope")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Slope { get; init; }

    /// <summary>Dimension of a <c>softmax</c> or <c>log_softmax</c> layer.</summary>
    [JsonPropertyName("dim")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Dim { get; init; }

    /// <summary>Normalized size of a <c>layer_norm</c> layer.</summary>
    [JsonPropertyName("size")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Size { get; init; }

    /// <summary>Epsilon of a <c>layer_norm</c> layer.</summary>
    [JsonPropertyName("eps")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Eps { get; init; }
}
