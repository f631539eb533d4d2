using Kiln.Nn.Schedulers;

namespace Kiln.Nn.Training;

/// <summary>Saves the model to a safetensors file after each epoch that improves a monitored value (or every epoch).</summary>
/// <remarks>Keras: <c>ModelCheckpoint(filepath, monitor='val_loss', mode='auto', save_best_only=True)</c>.</remarks>
public sealed class ModelCheckpoint : Callback
{
    private readonly MonitoredValue _monitor;

    /// <summary>Creates the callback writing to <paramref name="path"/>.</summary>
    public ModelCheckpoint(string path, string monitor = "val_loss", MonitorMode? mode = null, bool saveBestOnly = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _monitor = new MonitoredValue(monitor, mode, 0);
        (Path, SaveBestOnly) = (path, saveBestOnly);
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>Whether only improving epochs are saved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>The 0-based epoch saved last, or null before any save.</summary>
    public int? SavedEpoch { get; private set; }

    /// <summary>The best monitored value.</summary>
    public double BestValue => _monitor.Best;

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logs);
        if (_monitor.Improves(nameof(ModelCheckpoint), logs) || !SaveBestOnly)
        {
            context.Model.Save(Path);
            SavedEpoch = epoch;
        }
    }
}
