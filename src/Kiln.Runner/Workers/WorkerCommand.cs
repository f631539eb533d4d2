namespace Kiln.Runner.Workers;

/// <summary>The command line that starts a worker process.</summary>
/// <param name="FileName">The executable.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The <c>kiln worker</c> command of the kiln CLI installed beside this library (<c>kiln.dll</c>).</summary>
    /// <exception cref="FileNotFoundException">kiln.dll is not next to the runner library.</exception>
    public static WorkerCommand Default()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "kiln.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException(
                $"The Kiln worker (kiln.dll) was not found in {AppContext.BaseDirectory}. Run notebooks through ./scripts/kiln, " +
                "or reference Kiln.Cli from the host project, or set RunOptions.Worker.", cli);
        }

        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        return new WorkerCommand(dotnet, [cli, "worker"]);
    }
}
