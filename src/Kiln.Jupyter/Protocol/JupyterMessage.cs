using System.Text.Json.Nodes;

namespace Kiln.Jupyter.Protocol;

/// <summary>One Jupyter protocol message: routing identities, the four JSON parts and binary buffers.</summary>
/// <param name="Identities">The ZeroMQ routing prefixes (ROUTER sockets) or topic (IOPub), before the delimiter.</param>
/// <param name="Header">The header: <c>msg_id</c>, <c>session</c>, <c>username</c>, <c>date</c>, <c>msg_type</c>, <c>version</c>.</param>
/// <param name="ParentHeader">The header of the request this message answers, or empty.</param>
/// <param name="Metadata">Free-form metadata.</param>
/// <param name="Content">The message body.</param>
/// <param name="Buffers">Extra binary frames.</param>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The message type, such as <c>execute_request</c>.</summary>
    public string MessageType => Header["msg_type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : string.Empty;

    /// <summary>Reads a string field of the content, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback = "") =>
        Content[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : fallback;

    /// <summary>Reads a boolean field of the content, or <paramref name="fallback"/> when absent.</summary>
    public bool GetBool(string name, bool fallback) =>
        Content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    /// <summary>Reads an integer field of the content, or <paramref name="fallback"/> when absent.</summary>
    public int GetInt(string name, int fallback) =>
        Content[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : fallback;
}
