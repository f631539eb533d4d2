using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kiln.Jupyter.Protocol;

/// <summary>Creates the kernel's outgoing messages: headers with this session's id, parents, routing identities.</summary>
internal sealed class MessageFactory(string session, TimeProvider timeProvider)
{
    /// <summary>The protocol version the kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The kernel's session id, sent in every header.</summary>
    public string Session { get; } = session;

    /// <summary>Creates a reply to <paramref name="request"/>, routed back to its sender.</summary>
    public JupyterMessage Reply(JupyterMessage request, string type, JsonObject content) =>
        Create(request.Identities, type, content, request);

    /// <summary>Creates an IOPub broadcast whose parent is <paramref name="parent"/>.</summary>
    public JupyterMessage Broadcast(string type, JsonObject content, JupyterMessage? parent) =>
        Create([Encoding.UTF8.GetBytes($"kernel.{Session}.{type}")], type, content, parent);

    /// <summary>Creates a message of <paramref name="type"/> with the given identities and parent.</summary>
    public JupyterMessage Create(IReadOnlyList<byte[]> identities, string type, JsonObject content, JupyterMessage? parent)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = Session,
            ["username"] = "kiln",
            ["date"] = timeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        };
        var parentHeader = parent?.Header.DeepClone().AsObject() ?? [];
        return new JupyterMessage(identities, header, parentHeader, [], content, []);
    }
}
