using System.Diagnostics;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kiln.Kernel.Packages;

/// <summary>Restores NuGet packages through the dotnet CLI and caches the resulting assembly lists by package set.</summary>
/// <remarks>
/// A temporary net10.0 project with one <c>PackageReference</c> per package is restored with <c>dotnet restore</c>;
/// the runtime assemblies are read from its <c>project.assets.json</c>. Polyglot: <c>#r "nuget:"</c> through
/// the F# dependency manager, also cached.
/// </remarks>
internal sealed class NuGetRestorer(KernelOptions options)
{
    private const string TargetFramework = "net10.0";

    /// <summary>Restores <paramref name="packages"/> from the configured sources plus <paramref name="sources"/>.</summary>
    /// <exception cref="PackageRestoreException">The restore failed; the message names the packages.</exception>
    public async Task<RestoredPackages> RestoreAsync(
        IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources, CancellationToken ct = default)
    {
        var allSources = options.NuGetSources.Concat(sources).Select(NormalizeSource).Distinct(StringComparer.Ordinal).ToList();
        var directory = Path.Combine(options.ResolveCacheDirectory(), "nuget", CacheKey(packages, allSources));
        var resultPath = Path.Combine(directory, "restore-result.json");
        if (TryReadCached(resultPath) is { } cached)
        {
            return cached;
        }

        Directory.CreateDirectory(directory);
        var projectPath = Path.Combine(directory, "restore.csproj");
        await File.WriteAllTextAsync(projectPath, ProjectXml(packages), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "NuGet.config"), NuGetConfigXml(allSources), ct).ConfigureAwait(false);
        await RunRestoreAsync(projectPath, packages, ct).ConfigureAwait(false);

        var result = AssetsFile.Read(Path.Combine(directory, "obj", "project.assets.json"), TargetFramework, packages);
        var temporary = resultPath + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new CachedResult(result.Versions, result.Assemblies)), ct)
            .ConfigureAwait(false);
        File.Move(temporary, resultPath, overwrite: true);
        return result;
    }

    private async Task RunRestoreAsync(string projectPath, IReadOnlyList<PackageRequest> packages, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectPath)!,
        };
        foreach (var argument in new[]
                 {
                     "restore", projectPath, "-nologo", "-p:ImportDirectoryBuildProps=false",
                     "-p:ImportDirectoryPackagesProps=false", "-p:ManagePackageVersionsCentrally=false",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RestoreTimeout);
        using var process = Process.Start(start)
            ?? throw new PackageRestoreException($"Could not start 'dotnet restore' for {Describe(packages)}; check that the dotnet CLI is on PATH.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new PackageRestoreException(
                $"Restoring {Describe(packages)} took longer than {options.RestoreTimeout.TotalSeconds:0} s; check the package sources or raise KernelOptions.RestoreTimeout.");
        }

        if (process.ExitCode != 0)
        {
            var lines = ((await output.ConfigureAwait(false)) + "\n" + (await error.ConfigureAwait(false)))
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Replace(projectPath, string.Empty, StringComparison.Ordinal).TrimStart(' ', ':'))
                .Distinct(StringComparer.Ordinal)
                .Take(10);
            throw new PackageRestoreException($"Could not restore NuGet package(s) {Describe(packages)}:\n{string.Join('\n', lines)}");
        }
    }

    private static RestoredPackages? TryReadCached(string resultPath)
    {
        if (!File.Exists(resultPath))
        {
            return null;
        }

        var cached = JsonSerializer.Deserialize<CachedResult>(File.ReadAllText(resultPath));
        return cached is not null && cached.Assemblies.All(File.Exists)
            ? new RestoredPackages(cached.Versions, cached.Assemblies)
            : null;
    }

    private static string NormalizeSource(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source);

    private string CacheKey(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources)
    {
        var key = new StringBuilder()
            .AppendJoin(';', packages.Select(p => p.ToString()).Order(StringComparer.OrdinalIgnoreCase)).Append('|')
            .AppendJoin(';', sources).Append('|')
            .Append(options.NuGetPackagesDirectory).Append('|').Append(options.IsolateNuGetSources);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..24];
    }

    private static string ProjectXml(IReadOnlyList<PackageRequest> packages)
    {
        var builder = new StringBuilder()
            .AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">")
            .AppendLine("  <PropertyGroup>")
            .AppendLine($"    <TargetFramework>{TargetFramework}</TargetFramework>")
            .AppendLine("    <ImplicitUsings>disable</ImplicitUsings>")
            .AppendLine("    <IsPackable>false</IsPackable>")
            .AppendLine("  </PropertyGroup>")
            .AppendLine("  <ItemGroup>");
        foreach (var package in packages)
        {
            builder.AppendLine(
                $"    <PackageReference Include=\"{SecurityElement.Escape(package.Id)}\" Version=\"{SecurityElement.Escape(package.Version ?? "*")}\" />");
        }

        return builder.AppendLine("  </ItemGroup>").AppendLine("</Project>").ToString();
    }

    private string NuGetConfigXml(IReadOnlyList<string> sources)
    {
        var builder = new StringBuilder()
            .AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
            .AppendLine("<configuration>")
            .AppendLine("  <packageSources>");
        if (options.IsolateNuGetSources)
        {
            builder.AppendLine("    <clear />");
        }

        for (var i = 0; i < sources.Count; i++)
        {
            builder.AppendLine($"    <add key=\"kiln-source-{i}\" value=\"{SecurityElement.Escape(sources[i])}\" />");
        }

        builder.AppendLine("  </packageSources>");
        if (options.NuGetPackagesDirectory is { } packagesDirectory)
        {
            builder.AppendLine("  <config>")
                .AppendLine($"    <add key=\"globalPackagesFolder\" value=\"{SecurityElement.Escape(Path.GetFullPath(packagesDirectory))}\" />")
                .AppendLine("  </config>");
        }

        return builder.AppendLine("</configuration>").ToString();
    }

    private static string Describe(IReadOnlyList<PackageRequest> packages) => string.Join(", ", packages.Select(p => $"'{p}'"));

    private sealed record CachedResult(IReadOnlyDictionary<string, string> Versions, IReadOnlyList<string> Assemblies);
}
