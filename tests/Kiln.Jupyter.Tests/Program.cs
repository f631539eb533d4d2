using Kiln.Jupyter;
using Kiln.Kernel;

namespace Kiln.Jupyter.Tests;

/// <summary>The test assembly's entry point: runs the tests, or, with <c>--kiln-kernel -f FILE</c>, the Jupyter kernel the tests' clients start.</summary>
/// <remarks>
/// The tests install a kernelspec whose argv is <c>dotnet Kiln.Jupyter.Tests.dll --kiln-kernel -f {connection_file}</c>,
/// so Jupyter's own clients (jupyter_client, nbclient, nbconvert) drive the kernel built from this checkout without the CLI.
/// </remarks>
internal static class Program
{
    public const string KernelFlag = "--kiln-kernel";

    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == KernelFlag && args[1] == "-f")
        {
            return JupyterKernelHost.RunAsync(args[2], new KernelOptions()).GetAwaiter().GetResult();
        }

        if (args.Any(arg => arg is "--server" or "--internal-msbuild-node"))
        {
            return Xunit.MicrosoftTestingPlatform.TestPlatformTestFramework.RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions).GetAwaiter().GetResult();
        }

        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }
}
