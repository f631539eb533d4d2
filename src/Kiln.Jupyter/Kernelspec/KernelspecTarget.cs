using System.Diagnostics;

namespace Kiln.Jupyter.Kernelspec;

/// <summary>Where a kernelspec is installed: the user's Jupyter data folder, the Python environment's prefix, or a given prefix.</summary>
/// <remarks>Jupyter: <c>jupyter kernelspec install --user | --sys-prefix | --prefix PATH</c>.</remarks>
public sealed record KernelspecTarget
{
    private KernelspecTarget(string description, Func<string> resolveKernels)
    {
        Description = description;
        ResolveKernels = resolveKernels;
    }

    /// <summary>A readable description, such as <c>--prefix /opt/env</c>.</summary>
    public string Description { get; }

    private Func<string> ResolveKernels { get; }

    /// <summary>The user's Jupyter data folder: <c>$JUPYTER_DATA_DIR</c>, else <c>~/.local/share/jupyter</c> (XDG) on Linux.</summary>
    public static KernelspecTarget User { get; } = new("--user", () => Path.Combine(UserDataDirectory(), "kernels"));

    /// <summary>The active Python environment: <c>$VIRTUAL_ENV</c>, <c>$CONDA_PREFIX</c>, else <c>sys.prefix</c> of <c>python3</c>.</summary>
    public static KernelspecTarget SysPrefix { get; } = new("--sys-prefix", () => KernelsUnder(SysPrefixDirectory()));

    /// <summary>A given prefix: the kernelspec goes to <c>&lt;prefix&gt;/share/jupyter/kernels/&lt;name&gt;</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty.</exception>
    public static KernelspecTarget Prefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var full = Path.GetFullPath(prefix);
        return new KernelspecTarget($"--prefix {full}", () => KernelsUnder(full));
    }

    /// <summary>Returns the <c>kernels</c> folder this target installs into.</summary>
    public string KernelsDirectory() => ResolveKernels();

    private static string KernelsUnder(string prefix) => Path.Combine(prefix, "share", "jupyter", "kernels");

    private static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDirectory)
        {
            return explicitDirectory;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    private static string SysPrefixDirectory()
    {
        foreach (var variable in (string[])["VIRTUAL_ENV", "CONDA_PREFIX"])
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } prefix)
            {
                return prefix;
            }
        }

        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.prefix)"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("python3 did not start.");
            var output = python.StandardOutput.ReadToEnd().Trim();
            python.WaitForExit(TimeSpan.FromSeconds(10));
            if (python.ExitCode == 0 && output.Length > 0)
            {
                return output;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No python3 on PATH: fall through to the message below.
        }

        throw new InvalidOperationException(
            "Cannot find the Python environment for --sys-prefix: activate it (VIRTUAL_ENV or CONDA_PREFIX) or put python3 on PATH, or use --user or --prefix.");
    }
}
