using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.Runner;

/// <summary>Expands the notebook arguments of <c>kiln run</c>: files, folders (recursively) and glob patterns.</summary>
public static class NotebookInputs
{
    private static readonly string[] Extensions = [".ipynb", ".dib"];

    /// <summary>Returns the notebooks named by <paramref name="arguments"/>, in argument order, each folder's and glob's
    /// matches sorted, without duplicates. <c>.ipynb_checkpoints</c> folders are skipped.</summary>
    /// <exception cref="FileNotFoundException">An argument names nothing, or a folder or pattern that matches no notebook.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = new List<string>();
        foreach (var argument in arguments)
        {
            var matches = Directory.Exists(argument) ? InFolder(argument, "**/*")
                : File.Exists(argument) ? [argument]
                : argument.IndexOfAny(['*', '?']) >= 0 ? Glob(argument)
                : throw new FileNotFoundException($"No such notebook, folder or pattern: '{argument}'.", argument);
            if (matches.Count == 0)
            {
                throw new FileNotFoundException($"'{argument}' matches no .ipynb or .dib notebook.", argument);
            }

            result.AddRange(matches.Where(m => !result.Contains(m, StringComparer.Ordinal)));
        }

        return result;
    }

    private static List<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var root = firstWild == 0 ? "." : string.Join('/', segments[..firstWild]);
        if (root.Length == 0)
        {
            root = "/";
        }

        return Directory.Exists(root) ? InFolder(root, string.Join('/', segments[firstWild..])) : [];
    }

    private static List<string> InFolder(string folder, string relativePattern)
    {
        var regex = ToRegex(relativePattern);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Replace('\\', '/').Contains("/.ipynb_checkpoints/", StringComparison.Ordinal))
            .Where(f => regex.IsMatch(Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(pattern[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
