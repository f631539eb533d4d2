using System.Reflection;

namespace Kiln.Kernel;

/// <summary>Settings of a <see cref="CSharpKernel"/>: default imports and references, cancellation, package restore.</summary>
public sealed class KernelOptions
{
    /// <summary>The namespaces every cell imports by default; a <c>static </c> prefix imports a type's static members.</summary>
    /// <remarks>Polyglot's defaults plus Kiln's display API and kernel helpers.</remarks>
    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System",
        "System.IO",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Linq",
        "System.Threading",
        "System.Threading.Tasks",
        "Kiln.Display",
        "Kiln.Kernel.Formatting",
        "Kiln.Kernel.Scripting",
        "static Kiln.Kernel.Scripting.KernelHelpers",
    ];

    /// <summary>The assemblies every cell references by default: the kernel, Kiln.Display and the core framework.</summary>
    public static IReadOnlyList<Assembly> DefaultReferences { get; } =
    [
        typeof(object).Assembly,
        typeof(Enumerable).Assembly,
        typeof(List<>).Assembly,
        typeof(System.Collections.Concurrent.ConcurrentDictionary<,>).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        typeof(System.Text.Json.JsonSerializer).Assembly,
        typeof(System.Net.Http.HttpClient).Assembly,
        typeof(Console).Assembly,
        typeof(Kiln.Display.MimeBundle).Assembly,
        typeof(CSharpKernel).Assembly,
    ];

    /// <summary>The namespaces imported by every cell; add a library's namespace to make it available without <c>using</c>.</summary>
    public IList<string> Imports { get; init; } = [.. DefaultImports];

    /// <summary>The assemblies referenced by every cell; add a library's assembly to make it available without <c>#r</c>.</summary>
    public IList<Assembly> References { get; init; } = [.. DefaultReferences];

    /// <summary>Libraries referenced (and their namespaces imported) only from the first cell that names them.</summary>
    /// <remarks>Empty by default; see <see cref="OnDemandLibrary"/> for when to prefer this over <see cref="References"/>.</remarks>
    public IList<OnDemandLibrary> OnDemandLibraries { get; init; } = [];

    /// <summary>Whether cancelling a submission aborts a cell that ignores its cancellation token (for example <c>while(true){}</c>).</summary>
    /// <remarks>
    /// Off by default. When on, cells run one at a time on a thread the kernel keeps for them, under
    /// <c>ControlledExecution</c>; code a cell runs after an <c>await</c> continues on pool threads and can still only be
    /// cancelled cooperatively. A submission whose token can never be cancelled runs as it would with this option off.
    /// </remarks>
    public bool HardStopOnCancel { get; init; }

    /// <summary>The folder for Kiln's caches (NuGet restores); null for <c>$KILN_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/kiln</c> or <c>~/.cache/kiln</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The NuGet global packages folder used by restores; null for the dotnet CLI's default (<c>~/.nuget/packages</c>).</summary>
    public string? NuGetPackagesDirectory { get; init; }

    /// <summary>Package sources (URLs or folders) added to every <c>#r "nuget:"</c> restore, as if given with <c>#i</c>.</summary>
    public IList<string> NuGetSources { get; init; } = [];

    /// <summary>Whether restores use only <see cref="NuGetSources"/> and <c>#i</c> sources, ignoring the machine's NuGet.config sources.</summary>
    /// <remarks>Off by default; turn it on for air-gapped machines with a local feed.</remarks>
    public bool IsolateNuGetSources { get; init; }

    /// <summary>How long one <c>#r "nuget:"</c> restore may take before it is reported as failed.</summary>
    /// <remarks>Default 5 minutes.</remarks>
    public TimeSpan RestoreTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock used for durations and <c>#!time</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Returns the cache folder these options resolve to.</summary>
    public string ResolveCacheDirectory()
    {
        if (!string.IsNullOrWhiteSpace(CacheDirectory))
        {
            return Path.GetFullPath(CacheDirectory);
        }

        if (Environment.GetEnvironmentVariable("KILN_CACHE_DIR") is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "kiln");
    }
}
