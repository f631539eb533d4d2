namespace Kiln.Runner;

/// <summary>Runs several notebooks, up to a number in parallel, each in its own worker process.</summary>
/// <remarks>Workers share no ports or state, so parallel runs cannot interfere (unlike kernels reached over ZeroMQ ports).</remarks>
public static class BatchRunner
{
    /// <summary>Runs <paramref name="notebooks"/> with at most <paramref name="jobs"/> at a time; results come back in input order.</summary>
    public static async Task<IReadOnlyList<NotebookRunResult>> RunAsync(
        IReadOnlyList<string> notebooks, RunOptions options, int jobs, IRunObserver? observer = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var results = new NotebookRunResult[notebooks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, notebooks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = jobs },
            async (i, _) => results[i] = await NotebookRunner.RunAsync(notebooks[i], options, observer, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }
}
