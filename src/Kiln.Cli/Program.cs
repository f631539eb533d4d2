using System.CommandLine;
using Kiln.Cli.Commands;

var root = new RootCommand("Kiln: C# notebooks and ML scripting. Run notebooks headlessly, serve models, drive Jupyter.")
{
    RunCommand.Create(),
    JupyterCommand.Create(),
    ServeCommand.Create(),
    DoctorCommand.Create(),
    WorkerCommandLine.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
