using System.CommandLine;
using Kiln.Tensors;

namespace Kiln.Cli.Commands;

/// <summary>The <c>kiln doctor</c> verb: what Kiln finds on this machine (native libraries, devices) and how to fix what is missing.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Report native libraries, CPU/GPU devices and the device Kiln would pick, with the package or step that fixes anything missing.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"Kiln {typeof(DoctorCommand).Assembly.GetName().Version?.ToString(3)} on .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.OSDescription})");
            Console.WriteLine(DeviceDiagnostics.Report().ToString());
            return 0;
        });
        return command;
    }
}
