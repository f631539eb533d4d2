using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kiln.Tensors;

namespace Kiln.Nn.Checkpoints;

/// <summary>Reading facet of the safetensors format.</summary>
public static partial class Safetensors
{
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>Reads every tensor of the safetensors file at <paramref name="path"/>, in file order.</summary>
    /// <remarks>Hugging Face: <c>safetensors.torch.load_file(path)</c>. F64 tensors become float32.</remarks>
    /// <exception cref="InvalidDataException">The file is truncated or its header is malformed.</exception>
    public static StateDict Load(string path) => ReadAll(File.ReadAllBytes(path)).Tensors;

    /// <summary>Reads the string metadata (<c>__metadata__</c>) of the file at <paramref name="path"/>; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path) => ReadAll(File.ReadAllBytes(path)).Metadata;

    /// <summary>Reads every tensor from safetensors bytes.</summary>
    /// <remarks>Hugging Face: <c>safetensors.torch.load(data)</c>.</remarks>
    public static StateDict Read(ReadOnlySpan<byte> data) => ReadAll(data).Tensors;

    private static (StateDict Tensors, Dictionary<string, string> Metadata) ReadAll(ReadOnlySpan<byte> data)
    {
        ThrowIfBigEndian();
        if (data.Length < 8)
        {
            throw new InvalidDataException($"Safetensors: {data.Length} bytes is too short; a file starts with an 8-byte header length.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(data);
        if (headerLength > MaxHeaderBytes || (long)headerLength > data.Length - 8)
        {
            throw new InvalidDataException($"Safetensors: header length {headerLength} does not fit in a file of {data.Length} bytes; the file is truncated or not safetensors.");
        }

        var body = data[(8 + (int)headerLength)..];
        using var doc = ParseHeader(data.Slice(8, (int)headerLength));
        var tensors = new StateDict();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<(string Name, long Begin, long End, JsonElement Info)>();
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Name == MetadataKey)
            {
                foreach (var m in property.Value.EnumerateObject())
                {
                    metadata[m.Name] = m.Value.GetString() ?? string.Empty;
                }

                continue;
            }

            var offsets = property.Value.GetProperty("data_offsets");
            entries.Add((property.Name, offsets[0].GetInt64(), offsets[1].GetInt64(), property.Value));
        }

        long expectedBegin = 0;
        foreach (var e in entries.OrderBy(e => e.Begin))
        {
            if (e.Begin != expectedBegin || e.End < e.Begin || e.End > body.Length)
            {
                throw new InvalidDataException($"Safetensors: tensor '{e.Name}' has data_offsets [{e.Begin}, {e.End}] that leave a gap, overlap or pass the end of the {body.Length}-byte data; the file is corrupt.");
            }

            expectedBegin = e.End;
        }

        if (expectedBegin != body.Length)
        {
            throw new InvalidDataException($"Safetensors: tensors cover {expectedBegin} of {body.Length} data bytes; the file is corrupt.");
        }

        foreach (var e in entries)
        {
            tensors.Set(e.Name, ToTensor(e.Name, e.Info, body[(int)e.Begin..(int)e.End]));
        }

        return (tensors, metadata);
    }

    private static JsonDocument ParseHeader(ReadOnlySpan<byte> header)
    {
        try
        {
            var doc = JsonDocument.Parse(Utf8(header).TrimEnd(' '));
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new InvalidDataException("Safetensors: the header is not a JSON object.");
            }

            return doc;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Safetensors: the header is not valid JSON ({ex.Message}).", ex);
        }
    }

    private static Tensor ToTensor(string name, JsonElement info, ReadOnlySpan<byte> bytes)
    {
        var code = info.GetProperty("dtype").GetString();
        var shape = info.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        long count = shape.Aggregate(1L, (n, d) => n * d);
        var size = code switch
        {
            "F32" => 4,
            "F64" or "I64" => 8,
            "BOOL" => 1,
            _ => throw new NotSupportedException($"Safetensors: tensor '{name}' has dtype {code}; Kiln reads F32, F64, I64 and BOOL."),
        };
        if (count * size != bytes.Length)
        {
            throw new InvalidDataException($"Safetensors: tensor '{name}' of shape [{string.Join(", ", shape)}] and dtype {code} needs {count * size} bytes but has {bytes.Length}.");
        }

        Tensor t = code switch
        {
            "F32" => Tensor.FromArray(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), ShapeFor(shape, count)),
            "F64" => Tensor.FromArray(MemoryMarshal.Cast<byte, double>(bytes).ToArray().Select(v => (float)v).ToArray(), ShapeFor(shape, count)),
            "I64" => Tensor.FromArray(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), ShapeFor(shape, count)),
            _ => Tensor.FromArray(bytes.ToArray().Select(b => b != 0).ToArray(), ShapeFor(shape, count)),
        };
        return shape.Length == 0 ? t.Reshape() : t;
    }

    private static int[] ShapeFor(int[] shape, long count) => shape.Length == 0 ? [(int)count] : shape;
}
