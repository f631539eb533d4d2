using System.Buffers;
using System.Text.Json;
using Kiln.Serving.Protocol;
using Microsoft.AspNetCore.Http;

namespace Kiln.Serving.Http;

/// <summary>Writes JSON responses whole, with a <c>Content-Length</c>.</summary>
/// <remarks>
/// Writing straight into the response makes Kestrel use chunked encoding: a send for the body and another for the final
/// chunk. Serializing first costs one small buffer and answers with a single send, which matters at tens of thousands of
/// requests per second and for cheap 503s under overload.
/// </remarks>
internal static class JsonResponse
{
    /// <summary>Answers <paramref name="status"/> with the JSON document that <paramref name="write"/> writes.</summary>
    public static async Task WriteAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, InferenceResponseWriter.WriterOptions))
        {
            write(json);
        }

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = buffer.WrittenCount;
        await ctx.Response.BodyWriter.WriteAsync(buffer.WrittenMemory, ctx.RequestAborted).ConfigureAwait(false);
    }
}
