using System.Text.Json.Nodes;

namespace Kiln.Notebooks;

/// <summary>The notebook-level metadata that marks a notebook as C#: Jupyter kernelspec and language_info.</summary>
public static class NotebookMetadata
{
    /// <summary>The kernelspec name of Kiln's own C# kernel.</summary>
    public const string KilnKernelspecName = "kiln-csharp";

    /// <summary>The kernelspec name Polyglot Notebooks / .NET Interactive used for C#; Kiln treats it as C# too.</summary>
    public const string PolyglotCSharpKernelspecName = ".net-csharp";

    /// <summary>The kernelspec display name written for Kiln's C# kernel.</summary>
    public const string KilnDisplayName = "C# (Kiln)";

    /// <summary>Creates Kiln's C# kernelspec: <c>{"display_name": "C# (Kiln)", "language": "C#", "name": "kiln-csharp"}</c>.</summary>
    public static JsonObject CreateCSharpKernelspec() => new()
    {
        ["display_name"] = KilnDisplayName,
        ["language"] = "C#",
        ["name"] = KilnKernelspecName,
    };

    /// <summary>Creates the C# language_info, as .NET Interactive wrote it (file extension, MIME type, lexer, version).</summary>
    public static JsonObject CreateCSharpLanguageInfo() => new()
    {
        ["file_extension"] = ".cs",
        ["mimetype"] = "text/x-csharp",
        ["name"] = "C#",
        ["pygments_lexer"] = "csharp",
        ["version"] = "14.0",
    };

    /// <summary>Adds Kiln's C# kernelspec and language_info to <paramref name="metadata"/> where they are missing.</summary>
    /// <remarks>Existing entries are kept, so a notebook saved by Polyglot keeps its <c>.net-csharp</c> kernelspec.</remarks>
    public static void ApplyCSharp(JsonObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata["kernelspec"] is not JsonObject)
        {
            metadata["kernelspec"] = CreateCSharpKernelspec();
        }

        if (metadata["language_info"] is not JsonObject)
        {
            metadata["language_info"] = CreateCSharpLanguageInfo();
        }
    }
}
