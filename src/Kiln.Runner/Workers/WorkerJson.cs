using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Runner.Workers;

/// <summary>Serialization of <see cref="WorkerMessage"/> as single JSON lines.</summary>
public static class WorkerJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serializes <paramref name="message"/> to one line of JSON (no newline inside).</summary>
    public static string Serialize(WorkerMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Parses one protocol line.</summary>
    /// <exception cref="JsonException">The line is not a protocol message.</exception>
    public static WorkerMessage Deserialize(string line) =>
        JsonSerializer.Deserialize<WorkerMessage>(line, Options) ?? throw new JsonException("Empty worker message.");
}
