using Kiln.Jupyter.Kernelspec;

namespace Kiln.Jupyter.Tests.Clients;

/// <summary>A temporary Jupyter prefix holding a kiln-csharp kernelspec that starts this test assembly as the kernel.</summary>
public sealed class KernelspecPrefix : IDisposable
{
    public KernelspecPrefix()
    {
        Root = Directory.CreateTempSubdirectory("kiln-jupyter-").FullName;
        var testAssembly = typeof(KernelspecPrefix).Assembly.Location;
        SpecDirectory = KernelspecInstaller.Install(
            KernelspecTarget.Prefix(Root),
            ["dotnet", testAssembly, Program.KernelFlag, "-f", "{connection_file}"]);
        Environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(Root, "share", "jupyter"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(Root, "data"),
            ["JUPYTER_PLATFORM_DIRS"] = "1",
        };
    }

    public string Root { get; }

    public string SpecDirectory { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that is still exiting may hold a runtime file; the temp folder is cleaned by the OS.
        }
    }
}
