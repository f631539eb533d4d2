namespace Kiln.Kernel.Magics;

/// <summary>A magic command the kernel understands, with its usage text.</summary>
/// <param name="Name">The command as typed, such as <c>#!time</c>.</param>
/// <param name="Usage">How to write it.</param>
/// <param name="Description">What it does, in one sentence.</param>
public sealed record MagicInfo(string Name, string Usage, string Description)
{
    /// <summary>Returns the help text printed for <c>-h</c>.</summary>
    public string HelpText => $"{Name}: {Description}\nUsage:\n{string.Join('\n', Usage.Split('\n').Select(u => "  " + u))}\n";
}

/// <summary>The magic commands of the C# kernel.</summary>
public static class MagicCatalog
{
    /// <summary>The C# kernel selector, accepted and ignored (it separates cells in <c>.dib</c> files).</summary>
    public const string CSharp = "#!csharp";

    /// <summary>The reference directive for assemblies and NuGet packages.</summary>
    public const string Reference = "#r";

    /// <summary>The directive that adds a NuGet package source.</summary>
    public const string Include = "#i";

    /// <summary>The magic that reports the cell's wall time.</summary>
    public const string Time = "#!time";

    /// <summary>The magic that lists the magics.</summary>
    public const string LsMagic = "#!lsmagic";

    /// <summary>The magic that lists variable names.</summary>
    public const string Who = "#!who";

    /// <summary>The magic that lists variables with their types and values.</summary>
    public const string Whos = "#!whos";

    /// <summary>The magic that shows the Kiln and .NET versions.</summary>
    public const string About = "#!about";

    /// <summary>Every magic, in the order <c>#!lsmagic</c> lists them.</summary>
    public static IReadOnlyList<MagicInfo> All { get; } =
    [
        new(CSharp, "#!csharp", "Selects the C# kernel; accepted and ignored (it separates cells in .dib files)."),
        new(Reference, "#r \"path/to/library.dll\"\n#r \"nuget: PackageId, Version\"\n#r \"nuget: PackageId\"",
            "References an assembly (relative to the current directory) or a NuGet package restored with the dotnet CLI."),
        new(Include, "#i \"nuget: <source url or folder>\"", "Adds a NuGet package source for later #r \"nuget:\" restores."),
        new(Time, "#!time", "Reports the wall time of the cell's code after it runs."),
        new(LsMagic, "#!lsmagic", "Lists the magic commands."),
        new(Who, "#!who", "Lists the names of the variables defined so far."),
        new(Whos, "#!whos", "Lists the variables defined so far with their types and values."),
        new(About, "#!about", "Shows the Kiln and .NET versions."),
    ];

    /// <summary>Finds the magic named <paramref name="name"/>, or returns null when there is none.</summary>
    public static MagicInfo? Find(string name)
    {
        var canonical = name is "#!c#" or "#!C#" ? CSharp : name;
        return All.FirstOrDefault(m => m.Name == canonical);
    }
}
