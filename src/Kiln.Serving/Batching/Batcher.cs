using System.Threading.Channels;
using Kiln.Serving.Protocol;

namespace Kiln.Serving.Batching;

/// <summary>Adaptive batching: queues row blocks from concurrent requests, runs them together, and hands each caller its own rows.</summary>
/// <remarks>
/// Triton's dynamic batcher / BentoML's adaptive batching: one worker takes whatever is queued up to <c>maxBatchSize</c> rows,
/// waiting at most <c>maxQueueDelay</c> for more, runs the model once, and splits the output by request. Admission is bounded:
/// when <c>maxQueueSize</c> requests wait, <see cref="SubmitAsync"/> refuses with 503. With no queue delay, a request that
/// finds nothing queued or running runs at once on the caller's thread: there is nothing to batch it with, and skipping
/// the two thread hops keeps single-client latency low.
/// </remarks>
internal sealed class Batcher : IAsyncDisposable
{
    private readonly Channel<WorkItem> _channel = Channel.CreateUnbounded<WorkItem>(new() { SingleReader = true });
    private readonly Func<float[], int, float[]> _execute;
    private readonly int _inputSize;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _maxQueueDelay;
    private readonly int _maxQueueSize;
    private readonly TimeProvider _time;
    private readonly Action<int, TimeSpan>? _onBatch;
    private readonly TimeSpan _timeout;
    private readonly Task _worker;
    private readonly Lock _model = new();
    private WorkItem? _carry;
    private int _depth;

    /// <summary>Creates a batcher whose worker calls <paramref name="execute"/>(rows, rowCount) and expects rowCount × outputs values back.</summary>
    /// <remarks><paramref name="timeout"/> is how long a caller waits at most (its request timeout): a request still queued
    /// after it is dropped unrun, with a <see cref="TimeoutException"/>, as nobody waits for its answer any more. Without one,
    /// queued requests never expire.</remarks>
    public Batcher(
        Func<float[], int, float[]> execute,
        int inputSize,
        int maxBatchSize,
        TimeSpan maxQueueDelay,
        int maxQueueSize,
        TimeProvider time,
        Action<int, TimeSpan>? onBatch = null,
        TimeSpan? timeout = null)
    {
        _execute = execute;
        _inputSize = inputSize;
        _maxBatchSize = maxBatchSize;
        _maxQueueDelay = maxQueueDelay;
        _maxQueueSize = maxQueueSize;
        _time = time;
        _onBatch = onBatch;
        _timeout = timeout ?? TimeSpan.MaxValue;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>The number of requests queued or in the batch being formed or run, not yet answered.</summary>
    public int QueueDepth => Volatile.Read(ref _depth);

    /// <summary>Whether the queue is full, so a request can be refused before its body is even read.</summary>
    public bool IsFull => QueueDepth >= _maxQueueSize;

    /// <summary>The 503 message for a request refused because <paramref name="maxQueueSize"/> requests are waiting.</summary>
    public static string QueueFullMessage(int maxQueueSize) =>
        $"Exceeds maximum queue size: {maxQueueSize} requests are already waiting; retry later.";

    /// <summary>Queues <paramref name="rowCount"/> rows and completes with that many output rows, in order.</summary>
    /// <exception cref="InferenceException">503 when the queue is full.</exception>
    /// <exception cref="ModelRetiredException">The batcher was disposed (the model was reloaded or unloaded); resolve the model again.</exception>
    public Task<float[]> SubmitAsync(float[] rows, int rowCount, CancellationToken ct)
    {
        var depth = Interlocked.Increment(ref _depth);
        if (depth > _maxQueueSize)
        {
            Interlocked.Decrement(ref _depth);
            throw InferenceException.Unavailable(QueueFullMessage(_maxQueueSize));
        }

        if (depth == 1 && _maxQueueDelay == TimeSpan.Zero && !_channel.Reader.Completion.IsCompleted)
        {
            return RunAlone(rows, rowCount);
        }

        var item = new WorkItem(rows, rowCount, ct, _time.GetTimestamp());
        if (!_channel.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _depth);
            throw new ModelRetiredException();
        }

        return item.Completion.Task;
    }

    /// <summary>Stops taking requests, finishes every queued one, and ends the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _worker.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<WorkItem>();
        while (_carry is not null || await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var rows = 0;
            if (_carry is { } carried)
            {
                _carry = null;
                rows = Take(batch, carried, rows);
            }

            await FillAsync(batch, rows).ConfigureAwait(false);
            if (batch.Count > 0)
            {
                Execute(batch);
            }
        }
    }

    private async Task FillAsync(List<WorkItem> batch, int rows)
    {
        var deadline = _time.GetTimestamp() + (long)(_maxQueueDelay.TotalSeconds * _time.TimestampFrequency);
        while (rows < _maxBatchSize)
        {
            if (_channel.Reader.TryRead(out var item))
            {
                var expired = _time.GetElapsedTime(item.Queued) >= _timeout;
                if (expired || item.Cancellation.IsCancellationRequested)
                {
                    if (expired)
                    {
                        item.Completion.TrySetException(new TimeoutException("The request waited in the queue past its timeout."));
                    }
                    else
                    {
                        item.Completion.TrySetCanceled(item.Cancellation);
                    }

                    Answered();
                    continue;
                }

                if (rows > 0 && rows + item.RowCount > _maxBatchSize)
                {
                    _carry = item;
                    return;
                }

                rows = Take(batch, item, rows);
                continue;
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (rows > 0 && remaining <= TimeSpan.Zero)
            {
                return;
            }

            if (rows == 0 && !await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                return;
            }

            if (rows > 0 && !await WaitForMoreAsync(remaining).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<bool> WaitForMoreAsync(TimeSpan remaining)
    {
        using var timeout = new CancellationTokenSource(remaining, _time);
        try
        {
            return await _channel.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Answered() => Interlocked.Decrement(ref _depth);

    private static int Take(List<WorkItem> batch, WorkItem item, int rows)
    {
        batch.Add(item);
        return rows + item.RowCount;
    }

    private Task<float[]> RunAlone(float[] rows, int rowCount)
    {
        var started = _time.GetTimestamp();
        try
        {
            var output = ExecuteModel(rows, rowCount);
            _onBatch?.Invoke(rowCount, _time.GetElapsedTime(started));
            return Task.FromResult(output);
        }
        catch (Exception e)
        {
            return Task.FromException<float[]>(ModelFailed(e));
        }
        finally
        {
            Answered();
        }
    }

    private float[] ExecuteModel(float[] rows, int rowCount)
    {
        lock (_model)
        {
            return _execute(rows, rowCount);
        }
    }

    private static InferenceException ModelFailed(Exception e) => new(500, $"The model failed to execute: {e.GetType().Name}.");

    private void Execute(List<WorkItem> batch)
    {
        var started = _time.GetTimestamp();
        try
        {
            var totalRows = batch.Sum(b => b.RowCount);
            var input = batch.Count == 1 ? batch[0].Rows : Concatenate(batch, totalRows);
            var output = ExecuteModel(input, totalRows);
            var width = output.Length / totalRows;
            var offset = 0;
            foreach (var item in batch)
            {
                item.Completion.TrySetResult(output.AsSpan(offset * width, item.RowCount * width).ToArray());
                offset += item.RowCount;
                Answered();
            }

            _onBatch?.Invoke(totalRows, _time.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            foreach (var item in batch)
            {
                if (item.Completion.TrySetException(ModelFailed(e)))
                {
                    Answered();
                }
            }
        }
    }

    private float[] Concatenate(List<WorkItem> batch, int totalRows)
    {
        var input = new float[totalRows * _inputSize];
        var offset = 0;
        foreach (var item in batch)
        {
            item.Rows.AsSpan(0, item.RowCount * _inputSize).CopyTo(input.AsSpan(offset));
            offset += item.RowCount * _inputSize;
        }

        return input;
    }

    private sealed class WorkItem(float[] rows, int rowCount, CancellationToken cancellation, long queued)
    {
        public float[] Rows { get; } = rows;

        public int RowCount { get; } = rowCount;

        public CancellationToken Cancellation { get; } = cancellation;

        /// <summary>When it was queued, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
        public long Queued { get; } = queued;

        public TaskCompletionSource<float[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
