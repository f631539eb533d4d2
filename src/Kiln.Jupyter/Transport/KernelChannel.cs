namespace Kiln.Jupyter.Transport;

/// <summary>The Jupyter kernel sockets that carry protocol messages (the heartbeat only echoes).</summary>
internal enum KernelChannel
{
    /// <summary>Requests from clients (ROUTER).</summary>
    Shell,

    /// <summary>Priority requests: interrupt, shutdown (ROUTER).</summary>
    Control,

    /// <summary>Input requests to the client and their replies (ROUTER).</summary>
    Stdin,

    /// <summary>Broadcast outputs and status (PUB).</summary>
    IOPub,
}
