namespace Kiln.Kernel.Packages;

/// <summary>A NuGet package asked for with <c>#r "nuget: Id, Version"</c>.</summary>
/// <param name="Id">The package identifier.</param>
/// <param name="Version">The version or range, or null for the latest stable version.</param>
internal sealed record PackageRequest(string Id, string? Version)
{
    /// <summary>Parses the text after <c>nuget:</c>, for example <c>CsvHelper, 33.0.1</c>.</summary>
    /// <returns>The request, or null when the text names no package.</returns>
    public static PackageRequest? Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > 2 || parts[0].Length == 0 || parts[0].Any(char.IsWhiteSpace))
        {
            return null;
        }

        var version = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
        return new PackageRequest(parts[0], version);
    }

    /// <summary>Returns <c>Id Version</c>, or the id alone when no version was given.</summary>
    public override string ToString() => Version is null ? Id : $"{Id} {Version}";
}

/// <summary>The outcome of a restore: resolved versions and the runtime assemblies to reference.</summary>
/// <param name="Versions">The resolved version of each requested package, by id.</param>
/// <param name="Assemblies">Full paths of the runtime assemblies of the packages and their dependencies.</param>
internal sealed record RestoredPackages(IReadOnlyDictionary<string, string> Versions, IReadOnlyList<string> Assemblies);

/// <summary>A NuGet restore failed; the message names the packages and quotes the restore errors.</summary>
internal sealed class PackageRestoreException(string message) : Exception(message);
