using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Jupyter.Protocol;

/// <summary>Encodes and decodes the Jupyter wire format and signs messages with HMAC-SHA256.</summary>
/// <remarks>
/// Frames: identities, <c>&lt;IDS|MSG&gt;</c>, the hex signature, header, parent_header, metadata, content, buffers.
/// The signature is the HMAC of the four JSON frames in that order; an empty key means unsigned messages.
/// </remarks>
internal sealed class WireCodec(string key)
{
    /// <summary>The frame that separates routing identities from the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>Returns the frames of <paramref name="message"/>, signed.</summary>
    public List<byte[]> Encode(JupyterMessage message)
    {
        var header = ToBytes(message.Header);
        var parent = ToBytes(message.ParentHeader);
        var metadata = ToBytes(message.Metadata);
        var content = ToBytes(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(Sign(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Decodes <paramref name="frames"/>, or returns null with a reason when they are malformed or wrongly signed.</summary>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string? rejection)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            rejection = "malformed message (no <IDS|MSG> delimiter or fewer than five parts after it)";
            return null;
        }

        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        if (!Verify(signature, header, parent, metadata, content))
        {
            rejection = "invalid signature";
            return null;
        }

        try
        {
            rejection = null;
            return new JupyterMessage(
                [.. frames.Take(delimiter)],
                ParseObject(header),
                ParseObject(parent),
                ParseObject(metadata),
                ParseObject(content),
                [.. frames.Skip(delimiter + 6)]);
        }
        catch (JsonException)
        {
            rejection = "a message part is not a JSON object";
            return null;
        }
    }

    /// <summary>Returns the lowercase hex HMAC-SHA256 of the four parts, or an empty string without a key.</summary>
    public string Sign(byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        if (_key.Length == 0)
        {
            return string.Empty;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parent);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private bool Verify(string signature, byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        if (_key.Length == 0)
        {
            return true;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(header, parent, metadata, content));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] ToBytes(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonObject ParseObject(byte[] utf8) =>
        JsonNode.Parse(utf8) as JsonObject ?? throw new JsonException("Expected a JSON object.");
}
