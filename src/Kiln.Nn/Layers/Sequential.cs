using System.Globalization;
using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Chains modules: each one's output is the next one's input.</summary>
/// <remarks>PyTorch: <c>torch.nn.Sequential</c>. Unnamed children are named 0, 1, 2, … as in PyTorch's state dicts.</remarks>
public sealed class Sequential : Module
{
    private readonly List<Module> _layers = [];

    /// <summary>Creates the chain from modules named by position.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
        {
            Append(m);
        }
    }

    /// <summary>Creates the chain from named modules.</summary>
    /// <remarks>PyTorch: <c>nn.Sequential(OrderedDict([...]))</c>.</remarks>
    public Sequential(params (string Name, Module Module)[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var (name, m) in modules)
        {
            _layers.Add(RegisterModule(name, m));
        }
    }

    /// <summary>The number of modules in the chain.</summary>
    public int Count => _layers.Count;

    /// <summary>Gets the module at <paramref name="index"/>.</summary>
    public Module this[int index] => _layers[index];

    /// <summary>Adds a module at the end, named by its position.</summary>
    /// <remarks>PyTorch: <c>Sequential.append</c>.</remarks>
    /// <returns>This chain.</returns>
    public Sequential Append(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _layers.Add(RegisterModule(_layers.Count.ToString(CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <summary>Runs the modules in order.</summary>
    /// <remarks>
    /// An output passed from one of Kiln's own layers to another, which turns it into a new buffer, is seen by nothing
    /// but the graph: a backward pass that frees the graph recycles it. Outputs of other modules are left to the GC,
    /// since such a module may keep what it returns or receives.
    /// </remarks>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        var xIsPrivate = false;
        foreach (var layer in _layers)
        {
            var next = layer.Forward(x);
            var own = IsKilnLayer(layer);
            if (xIsPrivate && own && !ReferenceEquals(next.Storage, x.Storage))
            {
                x.HandToGraph();
            }

            xIsPrivate = own && !ReferenceEquals(next.Storage, input.Storage);
            x = next;
        }

        return x;
    }

    private static bool IsKilnLayer(Module layer) => layer.GetType().Assembly == typeof(Sequential).Assembly;
}
