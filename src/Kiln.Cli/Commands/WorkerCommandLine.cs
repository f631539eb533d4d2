using System.CommandLine;
using Kiln.Runner.Workers;

namespace Kiln.Cli.Commands;

/// <summary>The hidden <c>kiln worker</c> verb: a kernel process driven by the runner over stdin/stdout.</summary>
internal static class WorkerCommandLine
{
    public static Command Create()
    {
        var command = new Command("worker", "Runs a kernel worker for 'kiln run' (internal; speaks JSON lines on stdin/stdout).")
        {
            Hidden = true,
        };
        command.SetAction((_, ct) =>
            WorkerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), KilnKernelOptions.Create(), ct));
        return command;
    }
}
