namespace Kiln.Data;

/// <summary>The values of several key columns in one row, compared by value (integers as long, floats as double).</summary>
internal sealed class RowKey : IEquatable<RowKey>
{
    private readonly object[] _parts;
    private readonly int _hash;

    private RowKey(object[] parts)
    {
        _parts = parts;
        var hash = default(HashCode);
        foreach (var p in parts)
        {
            hash.Add(p);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>Returns the key of <paramref name="row"/>, or null when any key value is null.</summary>
    public static RowKey? Of(IReadOnlyList<DataColumn> columns, int row)
    {
        var parts = new object[columns.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (columns[i].IsNull(row))
            {
                return null;
            }

            parts[i] = columns[i].GetKey(row);
        }

        return new RowKey(parts);
    }

    /// <inheritdoc/>
    public bool Equals(RowKey? other)
    {
        if (other is null || other._hash != _hash)
        {
            return false;
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            if (!_parts[i].Equals(other._parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RowKey);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;
}
