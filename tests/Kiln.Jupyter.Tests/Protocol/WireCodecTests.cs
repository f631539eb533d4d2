using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kiln.Jupyter.Protocol;

namespace Kiln.Jupyter.Tests.Protocol;

public sealed class WireCodecTests
{
    private const string Key = "secret-key";

    [Fact]
    public void Encode_Message_SignsTheFourJsonFramesWithHmacSha256()
    {
        var frames = new WireCodec(Key).Encode(Message());

        frames[0].ShouldBe("id"u8.ToArray());
        frames[1].ShouldBe(WireCodec.Delimiter);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), (byte[])[.. frames[3], .. frames[4], .. frames[5], .. frames[6]]);
        Encoding.ASCII.GetString(frames[2]).ShouldBe(Convert.ToHexStringLower(expected));
    }

    [Fact]
    public void Decode_TamperedContent_IsRejected()
    {
        var codec = new WireCodec(Key);
        var frames = codec.Encode(Message());
        frames[6] = Encoding.UTF8.GetBytes("""{"code":"evil"}""");

        codec.Decode(frames, out var rejection).ShouldBeNull();
        rejection.ShouldBe("invalid signature");
    }

    [Fact]
    public void Decode_RoundTrip_KeepsIdentitiesPartsAndBuffers()
    {
        var codec = new WireCodec(Key);
        var frames = codec.Encode(Message());
        frames.Add([1, 2, 3]);

        var decoded = codec.Decode(frames, out _).ShouldNotBeNull();
        decoded.Identities.ShouldHaveSingleItem().ShouldBe("id"u8.ToArray());
        decoded.MessageType.ShouldBe("execute_request");
        decoded.GetString("code").ShouldBe("1 + 1");
        decoded.Buffers.ShouldHaveSingleItem().ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public void Decode_NoDelimiter_IsRejectedAsMalformed()
    {
        new WireCodec(Key).Decode([[1], [2]], out var rejection).ShouldBeNull();
        rejection!.ShouldContain("malformed");
    }

    private static JupyterMessage Message() => new(
        ["id"u8.ToArray()],
        new JsonObject { ["msg_id"] = "m1", ["msg_type"] = "execute_request", ["session"] = "s", ["username"] = "u", ["version"] = "5.3", ["date"] = "2026-01-01T00:00:00Z" },
        [],
        [],
        new JsonObject { ["code"] = "1 + 1" },
        []);
}
