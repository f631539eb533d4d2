using Kiln.Display;
using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>The base of every layer and model: registered parameters, buffers and child modules, and a forward pass.</summary>
/// <remarks>
/// PyTorch: <c>torch.nn.Module</c>. Subclasses register what they own in their constructor with
/// <see cref="RegisterParameter"/>, <see cref="RegisterBuffer"/> and <see cref="RegisterModule{T}"/>; registration order
/// gives the state-dict order, and names join with dots (<c>fc1.weight</c>) exactly as PyTorch's.
/// </remarks>
public abstract partial class Module : IDisplayable
{
    private readonly List<string> _parameterNames = [];
    private readonly Dictionary<string, Tensor?> _parameters = new(StringComparer.Ordinal);
    private readonly List<string> _bufferNames = [];
    private readonly Dictionary<string, Tensor> _buffers = new(StringComparer.Ordinal);
    private readonly List<(string Name, Module Module)> _children = [];

    /// <summary>Whether the module is in training mode (dropout active, batch statistics used).</summary>
    /// <remarks>PyTorch: <c>Module.training</c>; modules start in training mode.</remarks>
    public bool IsTraining { get; private set; } = true;

    /// <summary>The total number of parameter elements, counting every registered parameter once.</summary>
    /// <remarks>PyTorch: <c>sum(p.numel() for p in model.parameters())</c>.</remarks>
    public long ParameterCount => Parameters().Sum(p => (long)p.ElementCount);

    /// <summary>Computes the module's output for <paramref name="input"/>.</summary>
    /// <remarks>PyTorch: <c>Module.forward</c> (called through <c>module(x)</c>).</remarks>
    public abstract Tensor Forward(Tensor input);

    /// <summary>The module's own parameters and those of all descendants, in registration order.</summary>
    /// <remarks>PyTorch: <c>Module.parameters()</c>.</remarks>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Every parameter with its dotted name, in registration order.</summary>
    /// <remarks>PyTorch: <c>Module.named_parameters()</c>.</remarks>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters()
    {
        foreach (var name in _parameterNames)
        {
            if (_parameters[name] is { } p)
            {
                yield return (name, p);
            }
        }

        foreach (var (childName, child) in _children)
        {
            foreach (var (name, p) in child.NamedParameters())
            {
                yield return ($"{childName}.{name}", p);
            }
        }
    }

    /// <summary>Every buffer (running statistics and other non-trained state) with its dotted name.</summary>
    /// <remarks>PyTorch: <c>Module.named_buffers()</c>.</remarks>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers()
    {
        foreach (var name in _bufferNames)
        {
            yield return (name, _buffers[name]);
        }

        foreach (var (childName, child) in _children)
        {
            foreach (var (name, b) in child.NamedBuffers())
            {
                yield return ($"{childName}.{name}", b);
            }
        }
    }

    /// <summary>The direct child modules with their names.</summary>
    /// <remarks>PyTorch: <c>Module.named_children()</c>.</remarks>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children;

    /// <summary>This module (named "") and every descendant with its dotted name, depth first.</summary>
    /// <remarks>PyTorch: <c>Module.named_modules()</c>.</remarks>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        yield return (string.Empty, this);
        foreach (var (childName, child) in _children)
        {
            foreach (var (name, m) in child.NamedModules())
            {
                yield return (name.Length == 0 ? childName : $"{childName}.{name}", m);
            }
        }
    }

    /// <summary>Sets training mode on this module and every descendant.</summary>
    /// <remarks>PyTorch: <c>Module.train(mode)</c>.</remarks>
    /// <returns>This module, for chaining.</returns>
    public Module Train(bool training = true)
    {
        foreach (var (_, m) in NamedModules())
        {
            m.IsTraining = training;
        }

        return this;
    }

    /// <summary>Switches this module and every descendant to evaluation mode.</summary>
    /// <remarks>PyTorch: <c>Module.eval()</c>.</remarks>
    /// <returns>This module, for chaining.</returns>
    public Module Eval() => Train(false);

    /// <summary>Clears the gradient of every parameter.</summary>
    /// <remarks>PyTorch: <c>Module.zero_grad(set_to_none=True)</c>.</remarks>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Moves every parameter and buffer to <paramref name="device"/>, replacing them with leaves there.</summary>
    /// <remarks>PyTorch: <c>Module.to(device)</c>. Create optimizers after moving, since they hold the parameter tensors.</remarks>
    /// <returns>This module, for chaining.</returns>
    public Module To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        foreach (var (_, m) in NamedModules())
        {
            m.MoveOwnTensors(device);
        }

        return this;
    }

    /// <summary>Registers a trainable tensor under <paramref name="name"/>, marking it as requiring grad.</summary>
    /// <remarks>PyTorch: <c>Module.register_parameter</c>. A null parameter (e.g. no bias) is remembered but not listed.</remarks>
    /// <returns>The registered tensor.</returns>
    protected Tensor? RegisterParameter(string name, Tensor? parameter)
    {
        CheckNewName(name);
        _parameterNames.Add(name);
        _parameters[name] = parameter?.RequireGrad();
        return parameter;
    }

    /// <summary>Registers a non-trained tensor that belongs in the state dict (e.g. running statistics).</summary>
    /// <remarks>PyTorch: <c>Module.register_buffer</c>.</remarks>
    /// <returns>The registered tensor.</returns>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CheckNewName(name);
        _bufferNames.Add(name);
        _buffers[name] = buffer;
        return buffer;
    }

    /// <summary>Registers a child module under <paramref name="name"/>.</summary>
    /// <remarks>PyTorch: <c>Module.add_module</c> / assigning a module attribute.</remarks>
    /// <returns>The registered module.</returns>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckNewName(name);
        _children.Add((name, module));
        return module;
    }

    /// <summary>Gets this module's own parameter <paramref name="name"/> (null when registered as absent).</summary>
    protected Tensor? GetParameter(string name) => _parameters.TryGetValue(name, out var p)
        ? p
        : throw new KeyNotFoundException($"{GetType().Name} has no parameter '{name}'.");

    /// <summary>Gets this module's own buffer <paramref name="name"/>.</summary>
    protected Tensor GetBuffer(string name) => _buffers.TryGetValue(name, out var b)
        ? b
        : throw new KeyNotFoundException($"{GetType().Name} has no buffer '{name}'.");

    private void CheckNewName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Name '{name}' contains a dot; dots separate module levels in state-dict keys.", nameof(name));
        }

        if (_parameters.ContainsKey(name) || _buffers.ContainsKey(name) || _children.Exists(c => c.Name == name))
        {
            throw new ArgumentException($"{GetType().Name} already has a member named '{name}'; use a different name.", nameof(name));
        }
    }

    private void MoveOwnTensors(Device device)
    {
        using (Tensor.NoGrad())
        {
            foreach (var name in _parameterNames)
            {
                if (_parameters[name] is { } p && !p.Device.Equals(device))
                {
                    _parameters[name] = p.Detach().To(device).Detach().RequireGrad();
                }
            }

            foreach (var name in _bufferNames)
            {
                if (!_buffers[name].Device.Equals(device))
                {
                    _buffers[name] = _buffers[name].To(device).Detach();
                }
            }
        }
    }
}
