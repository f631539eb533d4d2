using System.Text.Json;

namespace Kiln.Runner.Workers;

/// <summary>Serialization of <see cref="WorkerMessage"/> as single JSON lines.</summary>
public static class WorkerJson
{
    /// <summary>Serializes <paramref name="message"/> to one line of JSON (no newline inside).</summary>
    public static string Serialize(WorkerMessage message) => JsonSerializer.Serialize(message, WorkerJsonContext.Default.WorkerMessage);

    /// <summary>Parses one protocol line.</summary>
    /// <exception cref="JsonException">The line is not a protocol message.</exception>
    public static WorkerMessage Deserialize(string line) =>
        JsonSerializer.Deserialize(line, WorkerJsonContext.Default.WorkerMessage) ?? throw new JsonException("Empty worker message.");
}
