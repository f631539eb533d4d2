using System.Text.Json;
using System.Text.RegularExpressions;
using Kiln.Data.Preprocessing;
using Kiln.Nn;

namespace Kiln.Serving.Packaging;

/// <summary>A model directory loaded into memory: manifest, network in evaluation mode and optional preprocessing pipeline.</summary>
/// <remarks>
/// A model directory holds <c>manifest.json</c>, the safetensors weights and optionally the preprocessing pipeline JSON
/// (MLflow: a saved pyfunc model directory; Triton: one version folder of a model repository).
/// </remarks>
public sealed partial class ModelPackage
{
    /// <summary>The manifest file name inside a model directory.</summary>
    public const string ManifestFileName = "manifest.json";

    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private ModelPackage(string directory, ModelManifest manifest, Sequential network, Transformer? pipeline)
    {
        Directory = directory;
        Manifest = manifest;
        Network = network;
        Pipeline = pipeline;
    }

    /// <summary>The model directory this package was read from.</summary>
    public string Directory { get; }

    /// <summary>The manifest, with the input schema filled in.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The network with its trained weights, in evaluation mode.</summary>
    public Sequential Network { get; }

    /// <summary>The preprocessing pipeline applied by <c>/predict</c>, or null.</summary>
    public Transformer? Pipeline { get; }

    /// <summary>The number of input features per row (the last input dimension).</summary>
    public int InputSize => Manifest.Input!.Shape[^1];

    /// <summary>Writes <paramref name="model"/>'s weights, the manifest and the optional pipeline to <paramref name="directory"/>.</summary>
    /// <param name="directory">The model directory to create or overwrite.</param>
    /// <param name="model">The trained network; its layers become the manifest's architecture when that is empty.</param>
    /// <param name="manifest">Name, version, features, labels; missing input schema and architecture are filled in.</param>
    /// <param name="pipeline">A fitted preprocessing pipeline applied by <c>/predict</c>, or null.</param>
    /// <returns>The manifest as written.</returns>
    /// <remarks>MLflow: <c>mlflow.pytorch.save_model(model, path)</c>.</remarks>
    public static ModelManifest Save(string directory, Sequential model, ModelManifest manifest, Transformer? pipeline = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        if (pipeline is { IsFitted: false })
        {
            throw new ArgumentException("The pipeline is not fitted; fit it on the training data before saving the model.", nameof(pipeline));
        }

        var architecture = manifest.Architecture.Count > 0 ? manifest.Architecture : Architecture.Describe(model);
        var complete = manifest with
        {
            Architecture = architecture,
            Preprocessing = pipeline is null ? null : manifest.Preprocessing ?? "pipeline.json",
            Input = manifest.Input ?? new TensorSchema("input", "FP32", [-1, manifest.Features?.Count ?? FirstInputSize(architecture)]),
        };
        Validate(complete);
        System.IO.Directory.CreateDirectory(directory);
        model.Save(Path.Combine(directory, complete.Weights));
        pipeline?.Save(Path.Combine(directory, complete.Preprocessing!));
        File.WriteAllText(Path.Combine(directory, ManifestFileName), JsonSerializer.Serialize(complete, JsonOptions));
        return complete;
    }

    /// <summary>Reads the model directory <paramref name="directory"/>: manifest, network with weights, and pipeline.</summary>
    /// <exception cref="FileNotFoundException">The manifest, weights or pipeline file is missing.</exception>
    /// <exception cref="InvalidDataException">The manifest is invalid or the weights do not fit the architecture.</exception>
    public static ModelPackage Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var manifest = ReadManifest(directory);
        var network = Architecture.Build(manifest.Architecture);
        var weights = Path.Combine(directory, manifest.Weights);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"Model '{manifest.Name}': weights file '{weights}' is missing; save the model with ModelPackage.Save.", weights);
        }

        try
        {
            network.Load(weights);
        }
        catch (Exception e) when (e is ArgumentException or Kiln.Tensors.ShapeMismatchException)
        {
            throw new InvalidDataException($"Model '{manifest.Name}': the weights in '{weights}' do not fit the manifest's architecture: {e.Message}", e);
        }

        network.Eval();
        var pipeline = manifest.Preprocessing is null ? null : Transformer.Load(Path.Combine(directory, manifest.Preprocessing));
        return new ModelPackage(Path.GetFullPath(directory), manifest, network, pipeline);
    }

    /// <summary>Reads and validates only the manifest of <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The directory has no manifest.</exception>
    /// <exception cref="InvalidDataException">The manifest is not valid JSON or misses required fields.</exception>
    public static ModelManifest ReadManifest(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{directory}' has no {ManifestFileName}; write a model directory with ModelPackage.Save.", path);
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid manifest: {e.Message}", e);
        }

        manifest = manifest ?? throw new InvalidDataException($"'{path}' holds null; it must be a manifest object.");
        manifest = manifest.Input is null ? manifest with { Input = new TensorSchema("input", "FP32", [-1, manifest.Features?.Count ?? FirstInputSize(manifest.Architecture)]) } : manifest;
        Validate(manifest);
        return manifest;
    }

    private static int FirstInputSize(IReadOnlyList<LayerSpec> architecture) =>
        architecture.FirstOrDefault(l => l.Type == "linear")?.In
        ?? throw new InvalidDataException("Cannot tell the input size: the manifest has no features, no input schema and no linear layer.");

    private static void Validate(ModelManifest manifest)
    {
        if (!ValidName().IsMatch(manifest.Name) || !ValidName().IsMatch(manifest.Version))
        {
            throw new InvalidDataException(
                $"Model name '{manifest.Name}' or version '{manifest.Version}' is not valid; use 1-64 letters, digits, '-', '_' or '.', not starting with '.'.");
        }

        var input = manifest.Input!;
        if (input.Datatype != "FP32" || input.Shape.Count != 2 || input.Shape[0] != -1 || input.Shape[1] <= 0)
        {
            throw new InvalidDataException($"Model '{manifest.Name}': the input must be FP32 with shape [-1, features], got {input.Datatype} {Format(input.Shape)}.");
        }

        if (manifest.Features is { } features && features.Count != input.Shape[1])
        {
            throw new InvalidDataException($"Model '{manifest.Name}': {features.Count} features are named but the input has {input.Shape[1]}; list one name per input column.");
        }
    }

    internal static string Format(IEnumerable<int> shape) => "[" + string.Join(", ", shape) + "]";

    [GeneratedRegex("^[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,63}$")]
    private static partial Regex ValidName();
}
