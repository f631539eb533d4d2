namespace Kiln.Nn.Schedulers;

/// <summary>Whether a monitored quantity should go down (loss) or up (accuracy).</summary>
/// <remarks>PyTorch / Keras: <c>mode='min'</c> or <c>'max'</c>.</remarks>
public enum MonitorMode
{
    /// <summary>Lower is better.</summary>
    Min,

    /// <summary>Higher is better.</summary>
    Max,
}
