namespace Kiln.Notebooks;

/// <summary>Polyglot kernel names, their aliases, and how Jupyter kernelspecs and languages map onto them.</summary>
public static class KernelNames
{
    /// <summary>The C# kernel.</summary>
    public const string CSharp = "csharp";

    /// <summary>The F# kernel.</summary>
    public const string FSharp = "fsharp";

    /// <summary>The PowerShell kernel.</summary>
    public const string PowerShell = "pwsh";

    /// <summary>Markdown cells (not a kernel, but a cell splitter in .dib files).</summary>
    public const string Markdown = "markdown";

    /// <summary>The kernel names Polyglot Notebooks knows, each with its aliases.</summary>
    /// <remarks>dotnet/interactive: the kernels a default <c>dotnet interactive</c> session registers, plus markdown.</remarks>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Known { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [CSharp] = ["c#", "C#"],
        [FSharp] = ["f#", "F#"],
        [PowerShell] = ["powershell"],
        ["html"] = [],
        ["javascript"] = ["js"],
        ["sql"] = [],
        ["kql"] = [],
        ["mermaid"] = [],
        ["http"] = [],
        ["value"] = [],
        [Markdown] = ["md"],
    };

    /// <summary>Maps a kernel name, alias or language name to the canonical kernel name (<c>C#</c> and <c>c#</c> to <c>csharp</c>).</summary>
    /// <returns>The canonical name, or <paramref name="name"/> trimmed when it is not known.</returns>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        foreach (var (kernel, aliases) in Known)
        {
            if (string.Equals(kernel, trimmed, StringComparison.OrdinalIgnoreCase)
                || aliases.Any(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                return kernel;
            }
        }

        return trimmed.ToLowerInvariant() switch
        {
            "powershell" or "ps1" => PowerShell,
            "c-sharp" or "cs" => CSharp,
            "f-sharp" or "fs" => FSharp,
            _ => trimmed,
        };
    }

    /// <summary>Maps a Jupyter kernelspec name to a kernel name: <c>kiln-csharp</c> and <c>.net-csharp</c> mean C#.</summary>
    /// <returns>The kernel name, or null when the kernelspec is not a .NET one.</returns>
    public static string? FromKernelspecName(string kernelspecName)
    {
        ArgumentNullException.ThrowIfNull(kernelspecName);
        return kernelspecName switch
        {
            NotebookMetadata.KilnKernelspecName or NotebookMetadata.PolyglotCSharpKernelspecName => CSharp,
            ".net-fsharp" => FSharp,
            ".net-pwsh" or ".net-powershell" => PowerShell,
            _ => null,
        };
    }
}
