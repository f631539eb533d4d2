using System.Collections;
using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>An insertion-ordered map from dotted names (<c>0.weight</c>, <c>fc1.bias</c>) to tensors.</summary>
/// <remarks>PyTorch: the <c>OrderedDict</c> returned by <c>Module.state_dict()</c>.</remarks>
public sealed class StateDict : IReadOnlyDictionary<string, Tensor>
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, Tensor> _map = new(StringComparer.Ordinal);

    /// <summary>The number of entries.</summary>
    public int Count => _keys.Count;

    /// <summary>The names in insertion order.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>The tensors in insertion order.</summary>
    public IEnumerable<Tensor> Values => _keys.Select(k => _map[k]);

    /// <summary>Gets the tensor stored under <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that name.</exception>
    public Tensor this[string key] => _map.TryGetValue(key, out var t)
        ? t
        : throw new KeyNotFoundException($"The state dict has no entry '{key}'; it has: {string.Join(", ", _keys)}.");

    /// <summary>Adds an entry, or replaces the tensor of an existing one keeping its position.</summary>
    public void Set(string key, Tensor tensor)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_map.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _map[key] = tensor;
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _map.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out Tensor value) => _map.TryGetValue(key, out value!);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() =>
        _keys.Select(k => new KeyValuePair<string, Tensor>(k, _map[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
