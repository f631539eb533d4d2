namespace Kiln.Kernel.Tests;

/// <summary>A counter cells can bump, so a test can see whether a cell is still running.</summary>
public static class Probe
{
    private static long s_counter;

    public static long Counter => Interlocked.Read(ref s_counter);

    public static void Tick() => Interlocked.Increment(ref s_counter);
}
