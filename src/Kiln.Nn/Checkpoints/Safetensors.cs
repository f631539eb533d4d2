using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Kiln.Tensors;

namespace Kiln.Nn.Checkpoints;

/// <summary>Reads and writes the safetensors checkpoint format, compatible with PyTorch and Hugging Face tools.</summary>
/// <remarks>
/// Layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON mapping each name to
/// <c>{"dtype", "shape", "data_offsets": [begin, end]}</c> (plus an optional <c>__metadata__</c> map of strings),
/// padded with spaces to a multiple of 8, then the raw little-endian, row-major tensor bytes.
/// Kiln writes F32, I64 and BOOL; it reads those and F64, which becomes float32.
/// </remarks>
public static partial class Safetensors
{
    private const string MetadataKey = "__metadata__";

    /// <summary>Writes <paramref name="tensors"/> (and optional string <paramref name="metadata"/>) to the file at <paramref name="path"/>.</summary>
    /// <remarks>Hugging Face: <c>safetensors.torch.save_file(tensors, path, metadata)</c>.</remarks>
    public static void Save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Write(tensors, stream, metadata);
    }

    /// <summary>Writes <paramref name="tensors"/> in safetensors format to <paramref name="stream"/>.</summary>
    /// <remarks>Hugging Face: <c>safetensors.torch.save(tensors, metadata)</c>.</remarks>
    public static void Write(IEnumerable<KeyValuePair<string, Tensor>> tensors, Stream stream, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(stream);
        var entries = tensors.Select(kv => (kv.Key, Bytes: ToBytes(kv.Key, kv.Value), kv.Value)).ToList();
        var duplicate = entries.GroupBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Safetensors: the name '{duplicate.Key}' appears twice; names must be unique.", nameof(tensors));
        }

        var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata)
                {
                    json.WriteString(k, v);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var (key, bytes, tensor) in entries)
            {
                json.WriteStartObject(key);
                json.WriteString("dtype", DTypeCode(tensor.DType));
                json.WriteStartArray("shape");
                foreach (var d in tensor.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes.Length;
            }

            json.WriteEndObject();
        }

        while (header.Length % 8 != 0)
        {
            header.WriteByte((byte)' ');
        }

        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        header.Position = 0;
        header.CopyTo(stream);
        foreach (var (_, bytes, _) in entries)
        {
            stream.Write(bytes);
        }
    }

    private static string DTypeCode(DType dtype) => dtype switch
    {
        DType.Float32 => "F32",
        DType.Int64 => "I64",
        _ => "BOOL",
    };

    private static byte[] ToBytes(string key, Tensor tensor)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(tensor);
        if (key == MetadataKey)
        {
            throw new ArgumentException($"Safetensors: '{MetadataKey}' is reserved for metadata; rename the tensor.", nameof(key));
        }

        ThrowIfBigEndian();
        return tensor.DType switch
        {
            DType.Float32 => MemoryMarshal.AsBytes(tensor.ToArray<float>().AsSpan()).ToArray(),
            DType.Int64 => MemoryMarshal.AsBytes(tensor.ToArray<long>().AsSpan()).ToArray(),
            _ => tensor.ToArray<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray(),
        };
    }

    private static void ThrowIfBigEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Safetensors: this implementation needs a little-endian CPU.");
        }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
