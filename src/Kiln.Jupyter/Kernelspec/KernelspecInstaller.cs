using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kiln.Notebooks;

namespace Kiln.Jupyter.Kernelspec;

/// <summary>Installs and removes the Kiln C# kernelspec (<c>kernel.json</c> and a logo) so Jupyter front-ends can start the kernel.</summary>
/// <remarks>Jupyter: <c>jupyter kernelspec install</c> / <c>jupyter kernelspec remove</c>.</remarks>
public static partial class KernelspecInstaller
{
    /// <summary>The default kernelspec name, the one Kiln writes into notebooks' metadata.</summary>
    public const string DefaultName = NotebookMetadata.KilnKernelspecName;

    /// <summary>The default name front-ends show in their kernel pickers.</summary>
    public const string DefaultDisplayName = "C# (Kiln)";

    /// <summary>Returns the argv that starts the kernel through the built CLI: <c>dotnet &lt;kiln.dll&gt; jupyter kernel -f {connection_file}</c>.</summary>
    /// <param name="cliAssemblyPath">The path of the CLI's <c>kiln.dll</c> (or of a native <c>kiln</c> executable).</param>
    /// <remarks>The path is made absolute, so the kernelspec works from any working directory, as long as the build stays in place.</remarks>
    public static IReadOnlyList<string> LauncherArgv(string cliAssemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cliAssemblyPath);
        var full = Path.GetFullPath(cliAssemblyPath);
        string[] tail = ["jupyter", "kernel", "-f", "{connection_file}"];
        if (!full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return [full, .. tail];
        }

        var host = Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
        return [host, full, .. tail];
    }

    /// <summary>Writes the kernelspec folder <c>&lt;kernels&gt;/&lt;name&gt;</c> with <c>kernel.json</c> and the logos (SVG, 32 and 64 pixel PNG), replacing one there.</summary>
    /// <param name="target">Where to install.</param>
    /// <param name="argv">The command that starts the kernel; it must contain <c>{connection_file}</c>.</param>
    /// <param name="name">The kernelspec name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</param>
    /// <param name="displayName">The name front-ends show.</param>
    /// <returns>The kernelspec folder.</returns>
    /// <exception cref="ArgumentException">The argv lacks <c>{connection_file}</c>, or the name has characters Jupyter rejects.</exception>
    public static string Install(KernelspecTarget target, IReadOnlyList<string> argv, string name = DefaultName, string displayName = DefaultDisplayName)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ValidateName(name);
        if (!argv.Any(a => a.Contains("{connection_file}", StringComparison.Ordinal)))
        {
            throw new ArgumentException("The kernel argv must contain {connection_file}, which Jupyter replaces with the connection file path.", nameof(argv));
        }

        var directory = Path.Combine(target.KernelsDirectory(), name);
        Directory.CreateDirectory(directory);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray([.. argv.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["display_name"] = displayName,
            ["language"] = "csharp",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject
            {
                ["debugger"] = false,
                ["kiln"] = new JsonObject { ["version"] = typeof(KernelspecInstaller).Assembly.GetName().Version?.ToString(3) },
            },
        };
        File.WriteAllText(Path.Combine(directory, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(directory, "logo-svg.svg"), KernelspecLogo.Svg);
        File.WriteAllBytes(Path.Combine(directory, "logo-32x32.png"), KernelspecLogo.Png(32));
        File.WriteAllBytes(Path.Combine(directory, "logo-64x64.png"), KernelspecLogo.Png(64));
        return directory;
    }

    /// <summary>Removes the kernelspec folder <c>&lt;kernels&gt;/&lt;name&gt;</c> of <paramref name="target"/>.</summary>
    /// <returns>Whether there was one to remove.</returns>
    /// <exception cref="ArgumentException">The name has characters Jupyter rejects.</exception>
    public static bool Uninstall(KernelspecTarget target, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(target);
        ValidateName(name);
        var directory = Path.Combine(target.KernelsDirectory(), name);
        if (!File.Exists(Path.Combine(directory, "kernel.json")))
        {
            return false;
        }

        Directory.Delete(directory, recursive: true);
        return true;
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!KernelNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Kernelspec name '{name}' is invalid: Jupyter allows only letters, digits, '.', '_' and '-'.", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex KernelNamePattern();
}
