namespace Kiln.Serving.Tests;

/// <summary>A clock for timestamps that moves only when the test moves it, and <paramref name="stepPerReading"/> at every
/// reading; timers still run on real time.</summary>
/// <param name="stepPerReading">How far each reading moves the clock (zero: it stands still between <see cref="Advance"/>s).</param>
internal sealed class TestClock(TimeSpan stepPerReading = default) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, stepPerReading.Ticks);

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
