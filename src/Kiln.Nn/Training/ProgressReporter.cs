using System.Globalization;
using Kiln.Display;

namespace Kiln.Nn.Training;

/// <summary>Reports each epoch: in a notebook a live history table updated in place, elsewhere one text line per epoch.</summary>
/// <remarks>Keras: the <c>verbose</c> progress output of <c>fit</c>. <see cref="Trainer"/> adds one unless told not to.</remarks>
public sealed class ProgressReporter(TextWriter? writer = null) : Callback
{
    private DisplayHandle? _handle;

    /// <inheritdoc/>
    public override void OnTrainBegin(TrainingContext context) => _handle = null;

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logs);
        if (writer is null && DisplaySession.IsInteractive)
        {
            if (_handle is null)
            {
                _handle = DisplaySession.Show(context.History);
            }
            else
            {
                _handle.Update(context.History);
            }

            return;
        }

        var values = string.Join(" - ", logs.Select(kv => $"{kv.Key}: {History.Format(kv.Value)}"));
        (writer ?? Console.Out).WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}/{context.Epochs} - {values}"));
    }
}
