using System.Text.Json.Nodes;

namespace Kiln.Cli.Tests;

public sealed class JupyterCommandTests : IDisposable
{
    private readonly string _prefix = Directory.CreateTempSubdirectory("kiln-jupyter-").FullName;

    public void Dispose() => Directory.Delete(_prefix, recursive: true);

    [Fact]
    public async Task InstallThenUninstall_Prefix_WritesKernelspecLaunchingThisCli()
    {
        var (installed, output) = await KilnProcess.RunAsync(_prefix, new Dictionary<string, string?>(), "jupyter", "install", "--prefix", _prefix);

        installed.ShouldBe(0, output);
        var spec = Path.Combine(_prefix, "share", "jupyter", "kernels", "kiln-csharp", "kernel.json");
        var kernel = JsonNode.Parse(await File.ReadAllTextAsync(spec, TestContext.Current.CancellationToken))!;
        kernel["display_name"]!.GetValue<string>().ShouldBe("C# (Kiln)");
        kernel["interrupt_mode"]!.GetValue<string>().ShouldBe("message");
        var argv = kernel["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        argv[1].ShouldBe(Path.Combine(AppContext.BaseDirectory, "kiln.dll"));
        argv[2..].ShouldBe(["jupyter", "kernel", "-f", "{connection_file}"]);

        var (removed, _) = await KilnProcess.RunAsync(_prefix, new Dictionary<string, string?>(), "jupyter", "uninstall", "--prefix", _prefix);

        removed.ShouldBe(0);
        File.Exists(spec).ShouldBeFalse();
    }
}
