using System.CommandLine;
using Kiln.Jupyter;
using Kiln.Jupyter.Kernelspec;

namespace Kiln.Cli.Commands;

/// <summary>The <c>kiln jupyter</c> verbs: install or remove the kernelspec, and run the kernel for a Jupyter front end.</summary>
internal static class JupyterCommand
{
    public static Command Create() => new("jupyter", "Use Kiln's C# kernel from Jupyter front ends (JupyterLab, VS Code, nbclient).")
    {
        Install(),
        Uninstall(),
        Kernel(),
    };

    private static Command Install()
    {
        var (user, sysPrefix, prefix) = TargetOptions();
        var name = NameOption();
        var displayName = new Option<string>("--display-name") { Description = "The name front ends show.", DefaultValueFactory = _ => "C# (Kiln)" };
        var command = new Command("install", "Install the 'kiln-csharp' kernelspec so Jupyter front ends can start Kiln's C# kernel.")
        {
            user, sysPrefix, prefix, name, displayName,
        };
        command.SetAction(parse =>
        {
            var target = Target(parse, user, sysPrefix, prefix);
            var folder = KernelspecInstaller.Install(
                target, KernelspecInstaller.LauncherArgv(typeof(JupyterCommand).Assembly.Location), parse.GetValue(name)!, parse.GetValue(displayName)!);
            Console.WriteLine($"Installed kernelspec '{parse.GetValue(name)}' in {folder}");
            return 0;
        });
        return command;
    }

    private static Command Uninstall()
    {
        var (user, sysPrefix, prefix) = TargetOptions();
        var name = NameOption();
        var command = new Command("uninstall", "Remove the kernelspec installed by 'kiln jupyter install'.") { user, sysPrefix, prefix, name };
        command.SetAction(parse =>
        {
            var removed = KernelspecInstaller.Uninstall(Target(parse, user, sysPrefix, prefix), parse.GetValue(name)!);
            Console.WriteLine(removed ? $"Removed kernelspec '{parse.GetValue(name)}'." : $"No kernelspec '{parse.GetValue(name)}' was installed there.");
            return 0;
        });
        return command;
    }

    private static Command Kernel()
    {
        var connectionFile = new Option<FileInfo>("--connection-file", "-f") { Description = "The connection file Jupyter writes.", Required = true };
        var command = new Command("kernel", "Run the kernel for a Jupyter front end (started by Jupyter through the kernelspec).") { connectionFile };
        command.SetAction((parse, ct) => JupyterKernelHost.RunAsync(parse.GetValue(connectionFile)!.FullName, KilnKernelOptions.Create(), ct));
        return command;
    }

    private static (Option<bool> User, Option<bool> SysPrefix, Option<string?> Prefix) TargetOptions() =>
    (
        new Option<bool>("--user") { Description = "Install for the current user (the default)." },
        new Option<bool>("--sys-prefix") { Description = "Install into the active Python environment's prefix." },
        new Option<string?>("--prefix") { Description = "Install into <prefix>/share/jupyter/kernels." }
    );

    private static Option<string> NameOption() =>
        new("--name") { Description = "The kernelspec name.", DefaultValueFactory = _ => KernelspecInstaller.DefaultName };

    private static KernelspecTarget Target(ParseResult parse, Option<bool> user, Option<bool> sysPrefix, Option<string?> prefix) =>
        parse.GetValue(prefix) is { Length: > 0 } path ? KernelspecTarget.Prefix(path)
        : parse.GetValue(sysPrefix) ? KernelspecTarget.SysPrefix
        : KernelspecTarget.User;
}
