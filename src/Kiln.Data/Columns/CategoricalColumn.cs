namespace Kiln.Data;

/// <summary>A column of text values stored as integer codes into a list of categories.</summary>
/// <remarks>pandas: <c>Categorical</c> (<c>category</c> dtype). Rows compare by category position, as pandas ordered categoricals.</remarks>
public sealed class CategoricalColumn : DataColumn
{
    private readonly int[] _codes;
    private readonly string[] _categories;

    private CategoricalColumn(string name, int[] codes, string[] categories)
        : base(name)
    {
        _codes = codes;
        _categories = categories;
    }

    /// <summary>The categories, in code order.</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>The code of each row; -1 marks a null.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.Categorical;

    /// <inheritdoc/>
    public override int Length => _codes.Length;

    /// <summary>Gets the category of <paramref name="row"/>, or null.</summary>
    public string? this[int row]
    {
        get
        {
            CheckRow(row);
            return _codes[row] < 0 ? null : _categories[_codes[row]];
        }
    }

    /// <summary>Creates a categorical column whose categories are the distinct non-null values, sorted ordinally.</summary>
    public static CategoricalColumn FromValues(string name, IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        var categories = list.Where(v => v is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()!;
        return FromValues(name, list, categories!);
    }

    /// <summary>Creates a categorical column with the given categories, in that order.</summary>
    /// <exception cref="ArgumentException">A value is not one of the categories, or a category repeats.</exception>
    public static CategoricalColumn FromValues(string name, IEnumerable<string?> values, IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(categories);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            if (!index.TryAdd(categories[i], i))
            {
                throw new ArgumentException($"Category '{categories[i]}' appears twice; pass distinct categories.", nameof(categories));
            }
        }

        var codes = values.Select(v => v is null ? -1
            : index.TryGetValue(v, out var c) ? c
            : throw new ArgumentException($"Value '{v}' is not one of the categories of '{name}'; add it to the categories.", nameof(values)))
            .ToArray();
        return new CategoricalColumn(name, codes, [.. categories]);
    }

    /// <inheritdoc/>
    public override bool IsNull(int row) => _codes[row] < 0;

    /// <inheritdoc/>
    public override object? GetValue(int row) => this[row];

    /// <summary>Returns the category code of <paramref name="row"/> as a double, or NaN when null.</summary>
    public override double GetDouble(int row) => _codes[row] < 0 ? double.NaN : _codes[row];

    /// <inheritdoc/>
    public override string FormatValue(int row) => _codes[row] < 0 ? string.Empty : _categories[_codes[row]];

    /// <inheritdoc/>
    public override DataColumn Rename(string name) => new CategoricalColumn(name, _codes, _categories);

    /// <inheritdoc/>
    public override DataColumn FillNulls(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fill = Array.IndexOf(_categories, value as string);
        if (fill < 0)
        {
            throw new ArgumentException($"Fill value '{value}' is not a category of '{Name}'; use one of: {string.Join(", ", _categories)}.", nameof(value));
        }

        return new CategoricalColumn(Name, _codes.Select(c => c < 0 ? fill : c).ToArray(), _categories);
    }

    /// <inheritdoc/>
    public override DataColumn Take(ReadOnlySpan<int> rows)
    {
        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = rows[i] < 0 ? -1 : _codes[rows[i]];
        }

        return new CategoricalColumn(Name, codes, _categories);
    }

    internal override int CompareRows(int a, int b) => _codes[a].CompareTo(_codes[b]);

    internal override object GetKey(int row) => _categories[_codes[row]];

    internal override DataColumn Concat(DataColumn other)
    {
        CheckSameKind(other);
        var o = (CategoricalColumn)other;
        var values = Enumerable.Range(0, Length).Select(i => this[i]).Concat(Enumerable.Range(0, o.Length).Select(i => o[i]));
        var categories = _categories.Concat(o._categories.Except(_categories, StringComparer.Ordinal)).ToArray();
        return FromValues(Name, values, categories);
    }
}
