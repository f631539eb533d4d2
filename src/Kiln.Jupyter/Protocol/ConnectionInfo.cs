using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Jupyter.Protocol;

/// <summary>The contents of a Jupyter connection file: where the kernel binds its five sockets and how messages are signed.</summary>
/// <remarks>Jupyter: the file named by <c>{connection_file}</c> in a kernelspec's argv.</remarks>
public sealed record ConnectionInfo
{
    /// <summary>The ZeroMQ transport, <c>tcp</c> or <c>ipc</c>.</summary>
    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    /// <summary>The address to bind (for <c>ipc</c>, the path prefix of the socket files).</summary>
    [JsonPropertyName("ip")]
    public string IP { get; init; } = "127.0.0.1";

    /// <summary>The port of the shell (ROUTER) socket.</summary>
    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    /// <summary>The port of the control (ROUTER) socket.</summary>
    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    /// <summary>The port of the IOPub (PUB) socket.</summary>
    [JsonPropertyName("iopub_port")]
    public int IOPubPort { get; init; }

    /// <summary>The port of the stdin (ROUTER) socket.</summary>
    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    /// <summary>The port of the heartbeat (REP) socket.</summary>
    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    /// <summary>The HMAC key; empty disables signing.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    /// <summary>The signature scheme; only <c>hmac-sha256</c> is supported.</summary>
    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>Reads and validates the connection file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid connection file.</exception>
    public static ConnectionInfo Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Jupyter connection file '{path}' does not exist; Jupyter passes it as -f {{connection_file}}.", path);
        }

        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses and validates connection-file JSON.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed, a port is missing, or the scheme is unsupported.</exception>
    public static ConnectionInfo Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The Jupyter connection file is not valid JSON: {e.Message}", e);
        }

        if (info is null)
        {
            throw new InvalidDataException("The Jupyter connection file is empty; expected an object with ports, ip, transport and key.");
        }

        info.Validate();
        return info;
    }

    /// <summary>Returns the ZeroMQ endpoint for <paramref name="port"/>, such as <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Endpoint(int port) => Transport == "ipc"
        ? $"ipc://{IP}-{port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Transport}://{IP}:{port.ToString(CultureInfo.InvariantCulture)}";

    private void Validate()
    {
        if (Transport is not ("tcp" or "ipc"))
        {
            throw new InvalidDataException($"Unsupported transport '{Transport}' in the connection file; use 'tcp' or 'ipc'.");
        }

        if (!string.IsNullOrEmpty(Key) && SignatureScheme != "hmac-sha256")
        {
            throw new InvalidDataException($"Unsupported signature_scheme '{SignatureScheme}'; Kiln supports 'hmac-sha256'.");
        }

        (string Name, int Port)[] ports =
            [("shell_port", ShellPort), ("control_port", ControlPort), ("iopub_port", IOPubPort), ("stdin_port", StdinPort), ("hb_port", HeartbeatPort)];
        foreach (var (name, port) in ports)
        {
            if (port is <= 0 or > 65535)
            {
                throw new InvalidDataException($"The connection file's {name} is {port}; expected a port between 1 and 65535.");
            }
        }
    }
}
