using Kiln.Kernel.Execution;
using Kiln.Kernel.Magics;
using Kiln.Kernel.Packages;

namespace Kiln.Kernel;

public sealed partial class CSharpKernel
{
    private const string NuGetPrefix = "nuget:";

    /// <summary>Applies the cell's magics before its code runs: sources, packages, references, then informational magics.</summary>
    /// <returns>What the code run must do afterwards, or null when a magic failed (its error is already published).</returns>
    private async Task<MagicOutcome?> ApplyMagicsAsync(ParsedCell cell, SubmissionContext context, CancellationToken ct)
    {
        if (cell.Magics.Count == 0)
        {
            return MagicOutcome.None;
        }

        var active = new List<MagicLine>();
        foreach (var magic in cell.Magics)
        {
            var info = MagicCatalog.Find(magic.Name);
            if (info is null)
            {
                ErrorReporter.PublishError(context, "UnknownMagicCommand",
                    $"Unknown magic command '{magic.Name}' (line {magic.Line}). Known magics: {string.Join(", ", MagicCatalog.All.Select(m => m.Name))}.");
                return null;
            }

            if (magic.WantsHelp)
            {
                context.Write(isError: false, info.HelpText);
            }
            else
            {
                active.Add(magic);
            }
        }

        if (!await ApplyReferencesAsync(active, context, ct).ConfigureAwait(false))
        {
            return null;
        }

        foreach (var magic in active)
        {
            switch (MagicCatalog.Find(magic.Name)!.Name)
            {
                case MagicCatalog.LsMagic:
                    context.DisplayChannel.ShowBundle(MagicReports.LsMagic());
                    break;
                case MagicCatalog.Who:
                    context.DisplayChannel.ShowBundle(MagicReports.Who(GetVariables()));
                    break;
                case MagicCatalog.Whos:
                    context.DisplayChannel.ShowBundle(MagicReports.Whos(GetVariables()));
                    break;
                case MagicCatalog.About:
                    context.DisplayChannel.ShowBundle(MagicReports.About());
                    break;
            }
        }

        return new MagicOutcome(active.Exists(m => m.Name == MagicCatalog.Time));
    }

    private async Task<bool> ApplyReferencesAsync(List<MagicLine> magics, SubmissionContext context, CancellationToken ct)
    {
        var packages = new List<PackageRequest>();
        var assemblies = new List<string>();
        foreach (var magic in magics.Where(m => m.Name is MagicCatalog.Reference or MagicCatalog.Include))
        {
            var argument = magic.QuotedArgument;
            if (argument is null)
            {
                return UsageError(context, magic, "expects one quoted argument");
            }

            var isNuGet = argument.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase);
            var value = isNuGet ? argument[NuGetPrefix.Length..].Trim() : argument;
            if (magic.Name == MagicCatalog.Include)
            {
                if (!isNuGet || value.Length == 0)
                {
                    return UsageError(context, magic, "expects \"nuget: <source url or folder>\"");
                }

                _packageSources.Add(value);
            }
            else if (isNuGet)
            {
                if (PackageRequest.Parse(value) is not { } package)
                {
                    return UsageError(context, magic, "expects \"nuget: PackageId\" or \"nuget: PackageId, Version\"");
                }

                packages.Add(package);
            }
            else
            {
                var path = Path.GetFullPath(argument, Directory.GetCurrentDirectory());
                if (!File.Exists(path) && FrameworkAssemblyPath(argument) is { } frameworkPath)
                {
                    path = frameworkPath;
                }
                else if (!File.Exists(path))
                {
                    ErrorReporter.PublishError(context, "ReferenceNotFound",
                        $"#r (line {magic.Line}): the assembly '{path}' does not exist; paths are relative to the current directory '{Directory.GetCurrentDirectory()}'.");
                    return false;
                }

                assemblies.Add(path);
            }
        }

        if (packages.Count > 0)
        {
            if (await RestorePackagesAsync(packages, context, ct).ConfigureAwait(false) is not { } restored)
            {
                return false;
            }

            assemblies.AddRange(restored);
        }

        var added = assemblies.Distinct(StringComparer.Ordinal).Except(_referencedFiles, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            AddCellReferences(added, []);
            Volatile.Write(ref _referencedFiles, [.. _referencedFiles, .. added]);
        }

        return true;
    }

    /// <summary>Restores the packages of one cell in one batch, refusing a second version of a loaded package.</summary>
    /// <returns>The assemblies to reference, or null when the restore failed (the error is published).</returns>
    private async Task<IReadOnlyList<string>?> RestorePackagesAsync(List<PackageRequest> packages, SubmissionContext context, CancellationToken ct)
    {
        var toRestore = new List<PackageRequest>();
        foreach (var package in packages.DistinctBy(p => (p.Id.ToUpperInvariant(), p.Version)))
        {
            string? loaded;
            lock (_loadedPackages)
            {
                _loadedPackages.TryGetValue(package.Id, out loaded);
            }

            if (loaded is null)
            {
                toRestore.Add(package);
            }
            else if (package.Version is not null && package.Version is not "*" && !string.Equals(package.Version, loaded, StringComparison.OrdinalIgnoreCase))
            {
                ErrorReporter.PublishError(context, "PackageVersionConflict",
                    $"Package '{package.Id}' version {package.Version} cannot be added because version {loaded} was added previously; restart the kernel to change versions.");
                return null;
            }
        }

        var conflicting = toRestore.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (conflicting is not null)
        {
            ErrorReporter.PublishError(context, "PackageVersionConflict",
                $"Package '{conflicting.Key}' is requested with different versions in one cell ({string.Join(", ", conflicting.Select(p => p.Version ?? "latest"))}); keep one.");
            return null;
        }

        if (toRestore.Count == 0)
        {
            return [];
        }

        try
        {
            var restored = await _restorer.RestoreAsync(toRestore, _packageSources, ct).ConfigureAwait(false);
            lock (_loadedPackages)
            {
                foreach (var (id, version) in restored.Versions)
                {
                    _loadedPackages[id] = version;
                }
            }

            context.Write(isError: false,
                "Installed packages: " + string.Join(", ", restored.Versions.Select(v => $"{v.Key} {v.Value}")) + "\n");
            return restored.Assemblies;
        }
        catch (PackageRestoreException e)
        {
            ErrorReporter.PublishError(context, "PackageRestoreError", e.Message);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            ErrorReporter.PublishCancelled(context, hardStopped: false);
            return null;
        }
    }

    /// <summary>Finds a framework assembly by name (<c>System.Xml</c> or <c>System.Xml.dll</c>), as Roslyn's <c>#r</c> does.</summary>
    private static string? FrameworkAssemblyPath(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string trusted)
        {
            return null;
        }

        var fileName = name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name : name + ".dll";
        return trusted.Split(Path.PathSeparator).FirstOrDefault(p => string.Equals(Path.GetFileName(p), fileName, StringComparison.OrdinalIgnoreCase));
    }

    private static bool UsageError(SubmissionContext context, MagicLine magic, string problem)
    {
        ErrorReporter.PublishError(context, "MagicUsageError",
            $"{magic.Name} (line {magic.Line}) {problem}.\n{MagicCatalog.Find(magic.Name)!.HelpText}");
        return false;
    }

    /// <summary>What the magics ask of the code run.</summary>
    /// <param name="Time">Whether to report the wall time after the code runs.</param>
    private sealed record MagicOutcome(bool Time)
    {
        public static MagicOutcome None { get; } = new(false);
    }
}
