namespace Kiln.Runner;

/// <summary>Decides where an executed notebook is written.</summary>
public static class OutputPaths
{
    /// <summary>Returns the output path for <paramref name="inputPath"/>: in place, or under the output directory keeping the
    /// path relative to the base directory (just the file name for inputs outside it). A <c>.dib</c> becomes <c>.ipynb</c>.</summary>
    public static string For(string inputPath, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var full = Path.GetFullPath(inputPath);
        var asIpynb = Path.ChangeExtension(full, ".ipynb");
        if (options.InPlace)
        {
            return asIpynb;
        }

        var baseDirectory = Path.GetFullPath(options.BaseDirectory ?? Directory.GetCurrentDirectory());
        var relative = Path.GetRelativePath(baseDirectory, asIpynb);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            relative = Path.GetFileName(asIpynb);
        }

        return Path.GetFullPath(Path.Combine(baseDirectory, options.OutputDirectory, relative));
    }
}
