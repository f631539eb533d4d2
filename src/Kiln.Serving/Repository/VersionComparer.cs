namespace Kiln.Serving.Repository;

/// <summary>Orders versions numerically when both are whole numbers, else ordinally (so "10" follows "9").</summary>
internal sealed class VersionComparer : IComparer<string>
{
    public static readonly VersionComparer Instance = new();

    public int Compare(string? x, string? y) =>
        long.TryParse(x, out var a) && long.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
}
