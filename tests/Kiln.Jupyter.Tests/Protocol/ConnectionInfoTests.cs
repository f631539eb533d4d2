using Kiln.Jupyter.Protocol;

namespace Kiln.Jupyter.Tests.Protocol;

public sealed class ConnectionInfoTests
{
    // The shape jupyter_client's write_connection_file produces.
    private const string Sample = """
        {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005,
         "ip": "127.0.0.1", "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84", "transport": "tcp",
         "signature_scheme": "hmac-sha256", "kernel_name": "kiln-csharp"}
        """;

    [Fact]
    public void Parse_JupyterClientFile_ReadsPortsKeyAndEndpoints()
    {
        var info = ConnectionInfo.Parse(Sample);

        info.ShellPort.ShouldBe(50001);
        info.HeartbeatPort.ShouldBe(50005);
        info.Key.ShouldBe("a0436f6c-1916-498b-8eb9-e81ab9368e84");
        info.Endpoint(info.ControlPort).ShouldBe("tcp://127.0.0.1:50004");
    }

    [Fact]
    public void Parse_UnsupportedScheme_ThrowsNamingIt()
    {
        Should.Throw<InvalidDataException>(() => ConnectionInfo.Parse(Sample.Replace("hmac-sha256", "hmac-md5", StringComparison.Ordinal)))
            .Message.ShouldContain("hmac-md5");
    }

    [Fact]
    public void Parse_MissingPort_ThrowsNamingIt()
    {
        Should.Throw<InvalidDataException>(() => ConnectionInfo.Parse(Sample.Replace("\"hb_port\": 50005,", string.Empty, StringComparison.Ordinal)))
            .Message.ShouldContain("hb_port");
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        Should.Throw<FileNotFoundException>(() => ConnectionInfo.Load(Path.Combine(Path.GetTempPath(), "no-such-kiln-connection.json")));
    }
}
