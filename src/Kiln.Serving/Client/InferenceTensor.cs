using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Serving.Client;

/// <summary>A V2 tensor in JSON form: name, datatype, shape and row-major data.</summary>
/// <remarks>KServe / Triton client: <c>InferInput</c> and <c>InferOutput</c>.</remarks>
public sealed record InferenceTensor
{
    /// <summary>The tensor name, e.g. <c>input</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The V2 datatype, e.g. <c>FP32</c> or <c>BYTES</c>.</summary>
    [JsonPropertyName("datatype")]
    public required string Datatype { get; init; }

    /// <summary>The dimensions.</summary>
    [JsonPropertyName("shape")]
    public required IReadOnlyList<long> Shape { get; init; }

    /// <summary>The values, flat and row-major (or nested, as a client may send them).</summary>
    [JsonPropertyName("data")]
    public JsonElement Data { get; init; }

    /// <summary>Creates an FP32 tensor from row-major <paramref name="data"/> with <paramref name="shape"/>.</summary>
    public static InferenceTensor FromFloats(string name, float[] data, params long[] shape) =>
        new() { Name = name, Datatype = "FP32", Shape = shape, Data = JsonSerializer.SerializeToElement(data) };

    /// <summary>Creates an FP32 tensor of shape [rows, columns] from a 2-D array.</summary>
    public static InferenceTensor FromMatrix(string name, float[,] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = new float[rows.Length];
        Buffer.BlockCopy(rows, 0, data, 0, data.Length * sizeof(float));
        return FromFloats(name, data, rows.GetLength(0), rows.GetLength(1));
    }

    /// <summary>The values as floats (flattening nested arrays).</summary>
    /// <exception cref="InvalidOperationException">The data holds something other than numbers.</exception>
    public float[] AsFloats() => Flatten(Data).Select(e => e.ValueKind == JsonValueKind.Number
        ? e.GetSingle()
        : throw new InvalidOperationException($"Tensor '{Name}' ({Datatype}) holds a {e.ValueKind}, not numbers; use AsStrings for BYTES.")).ToArray();

    /// <summary>The values as strings (for BYTES tensors).</summary>
    public string[] AsStrings() => Flatten(Data).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToArray();

    private static IEnumerable<JsonElement> Flatten(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in data.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array)
            {
                foreach (var inner in Flatten(item))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return item;
            }
        }
    }
}
