using System.Text.Json.Serialization;

namespace Kiln.Serving.Client;

/// <summary>One prediction from <c>/predict</c>: the most likely label and the probability of each label.</summary>
/// <param name="Label">The most likely label.</param>
/// <param name="Probabilities">The probability of each label.</param>
public sealed record Prediction(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("probabilities")] IReadOnlyDictionary<string, double> Probabilities);
