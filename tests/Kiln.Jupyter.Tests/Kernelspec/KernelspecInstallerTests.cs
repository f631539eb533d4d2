using System.Text.Json.Nodes;
using Kiln.Jupyter.Kernelspec;
using Kiln.Jupyter.Tests.Clients;
using Kiln.Notebooks;

namespace Kiln.Jupyter.Tests.Kernelspec;

public sealed class KernelspecInstallerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-kernelspec-").FullName;

    [Fact]
    public async Task Install_Prefix_JupyterKernelspecListShowsIt()
    {
        var directory = KernelspecInstaller.Install(KernelspecTarget.Prefix(_root), KernelspecInstaller.LauncherArgv("/opt/kiln/kiln.dll"));

        var list = await ExternalProcess.RunAsync(
            ExternalProcess.Python,
            ["-m", "jupyter_client.kernelspecapp", "list", "--json"],
            new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(_root, "share", "jupyter") },
            TimeSpan.FromSeconds(60));

        list.ExitCode.ShouldBe(0, list.ToString());
        var json = list.StandardOutput[list.StandardOutput.IndexOf('{', StringComparison.Ordinal)..];
        var spec = JsonNode.Parse(json)!["kernelspecs"]![NotebookMetadata.KilnKernelspecName]!;
        Path.GetFullPath(spec["resource_dir"]!.GetValue<string>()).ShouldBe(directory);
        spec["spec"]!["display_name"]!.GetValue<string>().ShouldBe("C# (Kiln)");
        spec["spec"]!["language"]!.GetValue<string>().ShouldBe("csharp");
        spec["spec"]!["interrupt_mode"]!.GetValue<string>().ShouldBe("message");
        spec["spec"]!["argv"]!.AsArray().Select(a => a!.GetValue<string>()).Skip(1)
            .ShouldBe(["/opt/kiln/kiln.dll", "jupyter", "kernel", "-f", "{connection_file}"]);
        File.Exists(Path.Combine(directory, "logo-svg.svg")).ShouldBeTrue();
    }

    [Fact]
    public async Task Install_Prefix_WritesPngLogosThatPythonZlibDecodes()
    {
        var directory = KernelspecInstaller.Install(KernelspecTarget.Prefix(_root), ["kiln", "{connection_file}"]);
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "check_png.py");

        var result = await ExternalProcess.RunAsync(
            ExternalProcess.Python,
            [script, Path.Combine(directory, "logo-32x32.png"), Path.Combine(directory, "logo-64x64.png")],
            new Dictionary<string, string>(),
            TimeSpan.FromSeconds(60));

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        lines.Select(l => (l[2], l[3])).ShouldBe([("32", "32"), ("64", "64")]);
        lines.ShouldAllBe(l => int.Parse(l[4], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Install_PrefixWithName_WritesUnderShareJupyterKernels()
    {
        var directory = KernelspecInstaller.Install(KernelspecTarget.Prefix(_root), ["kiln", "{connection_file}"], "kiln-dev", "C# (dev)");

        directory.ShouldBe(Path.Combine(_root, "share", "jupyter", "kernels", "kiln-dev"));
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "kernel.json")))!["display_name"]!.GetValue<string>().ShouldBe("C# (dev)");
    }

    [Fact]
    public void LauncherArgv_CliDll_RunsItWithTheDotnetHost()
    {
        var argv = KernelspecInstaller.LauncherArgv("build/kiln.dll");

        Path.GetFileNameWithoutExtension(argv[0]).ShouldBe("dotnet");
        argv.Skip(1).ShouldBe([Path.GetFullPath("build/kiln.dll"), "jupyter", "kernel", "-f", "{connection_file}"]);
    }

    [Fact]
    public void LauncherArgv_WrapperScript_RunsItDirectly()
    {
        KernelspecInstaller.LauncherArgv("/src/kiln/scripts/kiln").ShouldBe(["/src/kiln/scripts/kiln", "jupyter", "kernel", "-f", "{connection_file}"]);
    }

    [Fact]
    public void Uninstall_Installed_RemovesFolderAndReportsIt()
    {
        var directory = KernelspecInstaller.Install(KernelspecTarget.Prefix(_root), ["kiln", "{connection_file}"]);

        KernelspecInstaller.Uninstall(KernelspecTarget.Prefix(_root)).ShouldBeTrue();
        Directory.Exists(directory).ShouldBeFalse();
        KernelspecInstaller.Uninstall(KernelspecTarget.Prefix(_root)).ShouldBeFalse();
    }

    [Fact]
    public void Install_ArgvWithoutConnectionFile_Throws()
    {
        Should.Throw<ArgumentException>(() => KernelspecInstaller.Install(KernelspecTarget.Prefix(_root), ["kiln", "jupyter", "kernel"]))
            .Message.ShouldContain("{connection_file}");
    }

    [Fact]
    public void Install_NameWithSlash_Throws()
    {
        Should.Throw<ArgumentException>(() => KernelspecInstaller.Install(KernelspecTarget.Prefix(_root), ["k", "{connection_file}"], "../evil"))
            .Message.ShouldContain("invalid");
    }

    [Fact]
    public void User_JupyterDataDirSet_UsesIt()
    {
        // JUPYTER_DATA_DIR is read at resolution time; jupyter_core gives it the same precedence.
        var previous = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        try
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", _root);
            KernelspecTarget.User.KernelsDirectory().ShouldBe(Path.Combine(_root, "kernels"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", previous);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
