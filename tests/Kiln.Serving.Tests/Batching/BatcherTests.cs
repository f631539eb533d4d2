using System.Collections.Concurrent;
using Kiln.Serving.Batching;
using Kiln.Serving.Protocol;

namespace Kiln.Serving.Tests.Batching;

public class BatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A "model" with 2 inputs and 3 outputs per row: (a + b, a - b, a * b), so each row's answer is checkable.</summary>
    private static float[] Execute(float[] rows, int count, ConcurrentBag<int> batches)
    {
        batches.Add(count);
        var output = new float[count * 3];
        for (var r = 0; r < count; r++)
        {
            var (a, b) = (rows[r * 2], rows[(r * 2) + 1]);
            (output[r * 3], output[(r * 3) + 1], output[(r * 3) + 2]) = (a + b, a - b, a * b);
        }

        return output;
    }

    [Fact]
    public async Task SubmitAsync_ConcurrentCallers_EachGetOwnRowsAndBatchesStayWithinMax()
    {
        var batches = new ConcurrentBag<int>();
        await using var batcher = new Batcher((r, n) => Execute(r, n, batches), 2, 8, TimeSpan.FromMilliseconds(2), 10_000, TimeProvider.System);

        var requests = Enumerable.Range(0, 500).Select(i =>
        {
            var rows = 1 + (i % 4);
            var data = Enumerable.Range(0, rows * 2).Select(j => (float)((i * 10) + j)).ToArray();
            return (Rows: rows, Data: data, Task: Task.Run(() => batcher.SubmitAsync(data, rows, Ct), Ct));
        }).ToList();
        await Task.WhenAll(requests.Select(r => r.Task));

        foreach (var (rows, data, task) in requests)
        {
            var output = await task;
            output.Length.ShouldBe(rows * 3);
            for (var r = 0; r < rows; r++)
            {
                output[r * 3].ShouldBe(data[r * 2] + data[(r * 2) + 1]);
                output[(r * 3) + 1].ShouldBe(data[r * 2] - data[(r * 2) + 1]);
            }
        }

        batches.ShouldAllBe(b => b <= 8);
        batches.Sum().ShouldBe(requests.Sum(r => r.Rows));
        batcher.QueueDepth.ShouldBe(0);
    }

    [Fact]
    public async Task SubmitAsync_NoDelayAndNothingQueued_RunsAtOnceOnTheCallersThread()
    {
        var threads = new ConcurrentBag<int>();
        await using var batcher = new Batcher((r, n) => { threads.Add(Environment.CurrentManagedThreadId); return Execute(r, n, []); },
            2, 8, TimeSpan.Zero, 100, TimeProvider.System);

        var answer = batcher.SubmitAsync([3, 4], 1, Ct);

        answer.IsCompletedSuccessfully.ShouldBeTrue();
        (await answer).ShouldBe([7f, -1f, 12f]);
        threads.ShouldBe([Environment.CurrentManagedThreadId]);
        batcher.QueueDepth.ShouldBe(0);
    }

    [Fact]
    public async Task SubmitAsync_NoDelayUnderConcurrency_RunsTheModelOneBatchAtATime()
    {
        var (active, mostActive) = (0, 0);
        var batches = new ConcurrentBag<int>();
        await using var batcher = new Batcher((r, n) =>
        {
            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref mostActive, now);
            Thread.Sleep(1);
            Interlocked.Decrement(ref active);
            return Execute(r, n, batches);
        }, 2, 8, TimeSpan.Zero, 10_000, TimeProvider.System);

        var requests = Enumerable.Range(0, 200)
            .Select(i => (Sum: (2f * i) + 1, Task: Task.Run(() => batcher.SubmitAsync([i, i + 1], 1, Ct), Ct))).ToList();
        await Task.WhenAll(requests.Select(r => r.Task));

        mostActive.ShouldBe(1);
        foreach (var (sum, task) in requests)
        {
            (await task)[0].ShouldBe(sum);
        }

        batches.Sum().ShouldBe(200);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var previous && previous != seen)
        {
            seen = previous;
        }
    }

    [Fact]
    public async Task SubmitAsync_RequestLargerThanMaxBatch_RunsAlone()
    {
        var batches = new ConcurrentBag<int>();
        await using var batcher = new Batcher((r, n) => Execute(r, n, batches), 2, 4, TimeSpan.Zero, 100, TimeProvider.System);

        var output = await batcher.SubmitAsync(new float[20], 10, Ct);

        output.Length.ShouldBe(30);
        batches.ShouldBe([10]);
    }

    [Fact]
    public async Task SubmitAsync_QueueFull_Throws503()
    {
        var batches = new ConcurrentBag<int>();
        await using var batcher = new Batcher((r, n) => Execute(r, n, batches), 2, 64, TimeSpan.FromMilliseconds(300), 2, TimeProvider.System);
        var first = batcher.SubmitAsync([1, 2], 1, Ct);
        var second = batcher.SubmitAsync([3, 4], 1, Ct);

        var e = Should.Throw<InferenceException>(() => batcher.SubmitAsync([5, 6], 1, Ct));

        e.StatusCode.ShouldBe(503);
        (await first).ShouldBe([3f, -1f, 2f]);
        (await second).ShouldBe([7f, -1f, 12f]);
    }

    [Fact]
    public async Task SubmitAsync_QueuedPastTheTimeout_IsDroppedUnrun()
    {
        var batches = new ConcurrentBag<int>();
        var clock = new TestClock();
        using var running = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        await using var batcher = new Batcher((r, n) =>
        {
            running.Release();
            release.Wait(TimeSpan.FromSeconds(30), Ct);
            return Execute(r, n, batches);
        }, 2, 1, TimeSpan.FromMilliseconds(1), 100, clock, timeout: TimeSpan.FromMilliseconds(50));
        var first = batcher.SubmitAsync([1, 2], 1, Ct);
        (await running.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBeTrue("the first request runs");
        var expired = batcher.SubmitAsync([3, 4], 1, Ct);

        clock.Advance(TimeSpan.FromMilliseconds(60));
        release.Release(2);

        (await first.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe([3f, -1f, 2f]);
        (await Should.ThrowAsync<TimeoutException>(() => expired.WaitAsync(TimeSpan.FromSeconds(30), Ct))).Message
            .ShouldContain("waited in the queue"); // not the bounded wait's own timeout
        batches.ShouldBe([1]);
        batcher.QueueDepth.ShouldBe(0);
    }

    [Fact]
    public async Task DisposeAsync_FinishesQueuedRequestsThenRefusesNewOnes()
    {
        var batches = new ConcurrentBag<int>();
        var batcher = new Batcher((r, n) => Execute(r, n, batches), 2, 64, TimeSpan.FromMilliseconds(200), 100, TimeProvider.System);
        var queued = Enumerable.Range(0, 10).Select(i => batcher.SubmitAsync([i, 1], 1, Ct)).ToList();

        await batcher.DisposeAsync();

        queued.ShouldAllBe(t => t.IsCompletedSuccessfully);
        Should.Throw<ModelRetiredException>(() => batcher.SubmitAsync([1, 1], 1, Ct));
    }

    [Fact]
    public async Task SubmitAsync_ModelThrows_EveryCallerGets500WithoutDetails()
    {
        await using var batcher = new Batcher((_, _) => throw new InvalidOperationException("secret detail"), 2, 64, TimeSpan.Zero, 100, TimeProvider.System);

        var e = await Should.ThrowAsync<InferenceException>(() => batcher.SubmitAsync([1, 2], 1, Ct));

        e.StatusCode.ShouldBe(500);
        e.Message.ShouldNotContain("secret");
        batcher.QueueDepth.ShouldBe(0);
    }
}
