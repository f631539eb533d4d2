using System.Text.RegularExpressions;

namespace Kiln.Notebooks;

/// <summary>Creates and checks nbformat 4.5 cell ids.</summary>
public static partial class CellIds
{
    /// <summary>Creates a new random id: 8 lowercase hex digits, as nbformat's <c>random_cell_id</c>.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Returns whether <paramref name="id"/> is a valid nbformat 4.5 cell id (1–64 of <c>[a-zA-Z0-9-_]</c>).</summary>
    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    [GeneratedRegex(@"^[a-zA-Z0-9_-]{1,64}\z")]
    private static partial Regex ValidId();
}
