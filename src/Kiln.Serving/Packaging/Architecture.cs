using Kiln.Nn;

namespace Kiln.Serving.Packaging;

/// <summary>Turns a declarative layer list into a Kiln.Nn <see cref="Sequential"/> and back.</summary>
public static class Architecture
{
    /// <summary>Builds a <see cref="Sequential"/> whose layers follow <paramref name="layers"/> in order (weights freshly initialized).</summary>
    /// <remarks>PyTorch: <c>torch.nn.Sequential(*modules)</c>; load weights afterwards with <see cref="Module.Load"/>.</remarks>
    /// <exception cref="InvalidDataException">A layer has an unknown type or lacks a required field.</exception>
    public static Sequential Build(IReadOnlyList<LayerSpec> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new InvalidDataException("The architecture has no layers; list at least one, e.g. {\"type\":\"linear\",\"in\":30,\"out\":2}.");
        }

        return new Sequential([.. layers.Select((spec, i) => Create(spec, i))]);
    }

    /// <summary>Describes the layers of <paramref name="model"/> as a declarative list that <see cref="Build"/> rebuilds.</summary>
    /// <exception cref="NotSupportedException">A layer has no declarative form (e.g. a convolution or a custom module).</exception>
    public static IReadOnlyList<LayerSpec> Describe(Sequential model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. Enumerable.Range(0, model.Count).Select(i => Describe(model[i], i))];
    }

    private static Module Create(LayerSpec spec, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int Need(int? value, string field) => value ?? throw new InvalidDataException(
            $"Layer {index} ({spec.Type}) needs the field '{field}'; add it to the architecture in the manifest.");

        return spec.Type switch
        {
            "linear" => new Linear(Need(spec.In, "in"), Need(spec.Out, "out"), spec.Bias ?? true),
            "relu" => new ReLU(),
            "leaky_relu" => new LeakyReLU(spec.Slope ?? 0.01),
            "gelu" => new GELU(),
            "sigmoid" => new Sigmoid(),
            "tanh" => new Tanh(),
            "dropout" => new Dropout(spec.P ?? 0.5),
            "softmax" => new Softmax(spec.Dim ?? -1),
            "log_softmax" => new LogSoftmax(spec.Dim ?? -1),
            "flatten" => new Flatten(),
            "layer_norm" => new LayerNorm(Need(spec.Size, "size"), spec.Eps ?? 1e-5),
            _ => throw new InvalidDataException(
                $"Layer {index} has unknown type '{spec.Type}'; use linear, relu, leaky_relu, gelu, sigmoid, tanh, dropout, softmax, log_softmax, flatten or layer_norm."),
        };
    }

    private static LayerSpec Describe(Module layer, int index) => layer switch
    {
        Linear l => new LayerSpec { Type = "linear", In = l.InFeatures, Out = l.OutFeatures, Bias = l.Bias is not null ? null : false },
        ReLU => new LayerSpec { Type = "relu" },
        LeakyReLU l => new LayerSpec { Type = "leaky_relu", Slope = l.NegativeSlope },
        GELU => new LayerSpec { Type = "gelu" },
        Sigmoid => new LayerSpec { Type = "sigmoid" },
        Tanh => new LayerSpec { Type = "tanh" },
        Dropout d => new LayerSpec { Type = "dropout", P = d.P },
        Softmax s => new LayerSpec { Type = "softmax", Dim = s.Dim },
        LogSoftmax s => new LayerSpec { Type = "log_softmax", Dim = s.Dim },
        Flatten { StartDim: 1, EndDim: -1 } => new LayerSpec { Type = "flatten" },
        LayerNorm n when n.NormalizedShape.Rank == 1 => new LayerSpec { Type = "layer_norm", Size = n.NormalizedShape[0], Eps = n.Eps },
        _ => throw new NotSupportedException(
            $"Layer {index} is a {layer.GetType().Name}, which has no declarative form; serve models built from Linear, activations, Dropout, Flatten and LayerNorm."),
    };
}
