using Kiln.Nn.Checkpoints;
using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>State facet: state dicts and checkpoint files.</summary>
public abstract partial class Module
{
    /// <summary>Returns every parameter and buffer under its dotted name, in PyTorch's order (own members, then children).</summary>
    /// <remarks>PyTorch: <c>Module.state_dict()</c>. The tensors are detached views of the live ones, not copies.</remarks>
    public StateDict StateDict()
    {
        var result = new StateDict();
        AppendState(result, string.Empty);
        return result;
    }

    /// <summary>Copies the tensors of <paramref name="state"/> into this module's parameters and buffers in place.</summary>
    /// <param name="state">Tensors keyed by dotted name, as <see cref="StateDict()"/> produces.</param>
    /// <param name="strict">When true, missing and unexpected keys are errors; otherwise they are ignored.</param>
    /// <remarks>PyTorch: <c>Module.load_state_dict(state_dict, strict)</c>. Float values convert to the target dtype.</remarks>
    /// <exception cref="ArgumentException">Keys are missing or unexpected (with <paramref name="strict"/>).</exception>
    /// <exception cref="ShapeMismatchException">A tensor's shape differs from the module's.</exception>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        if (strict)
        {
            var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new ArgumentException(
                    $"LoadStateDict into {GetType().Name}: missing keys [{string.Join(", ", missing)}], unexpected keys [{string.Join(", ", unexpected)}]; "
                    + "the state must come from the same architecture, or pass strict: false.",
                    nameof(state));
            }
        }

        foreach (var (key, target) in own)
        {
            if (!state.TryGetValue(key, out var source))
            {
                continue;
            }

            if (source.Shape != target.Shape)
            {
                throw new ShapeMismatchException($"LoadStateDict: '{key}' has shape {source.Shape} in the state but {target.Shape} in {GetType().Name}; the state must come from the same architecture.");
            }

            using (Tensor.NoGrad())
            {
                target.CopyFrom(source.Detach().ToType(target.DType));
            }
        }
    }

    /// <summary>Writes the state dict to a safetensors file.</summary>
    /// <remarks>PyTorch: <c>safetensors.torch.save_file(model.state_dict(), path)</c>.</remarks>
    public void Save(string path) => Safetensors.Save(StateDict(), path);

    /// <summary>Reads a safetensors file into this module with <see cref="LoadStateDict"/>.</summary>
    /// <remarks>PyTorch: <c>model.load_state_dict(safetensors.torch.load_file(path))</c>.</remarks>
    public void Load(string path, bool strict = true) => LoadStateDict(Safetensors.Load(path), strict);

    private void AppendState(StateDict into, string prefix)
    {
        foreach (var name in _parameterNames)
        {
            if (_parameters[name] is { } p)
            {
                into.Set(prefix + name, p.Detach());
            }
        }

        foreach (var name in _bufferNames)
        {
            into.Set(prefix + name, _buffers[name].Detach());
        }

        foreach (var (childName, child) in _children)
        {
            child.AppendState(into, $"{prefix}{childName}.");
        }
    }
}
