using System.Text.Json.Serialization;

namespace Kiln.Runner.Workers;

/// <summary>Compile-time JSON metadata for <see cref="WorkerMessage"/>.</summary>
/// <remarks>Source-generated so that neither the runner nor a freshly started worker pays for reflection-based
/// serializer set-up (reflection emit and JIT-compiling the generated accessors) on every run.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
