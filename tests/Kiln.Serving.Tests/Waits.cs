namespace Kiln.Serving.Tests;

internal static class Waits
{
    /// <summary>Polls <paramref name="condition"/> until it holds, failing after 10 s (a bound, not a timing assertion).</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        condition().ShouldBeTrue("the condition did not hold within 10 s");
    }
}
