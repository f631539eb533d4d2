using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Kiln.Benchmarks.Serve;

/// <summary>What one open-loop run saw: counts by outcome and latency percentiles in milliseconds.</summary>
/// <remarks>
/// Latency is from the moment a request was sent; lag is from its due time to that moment (the generator's own
/// queueing: all connections busy, or the client short of CPU), so open-loop latency = lag + latency.
/// </remarks>
internal sealed record LoadResult(
    long Sent, long Ok, long Rejected, long Other, long Errors, double Elapsed,
    double OkP50, double OkP99, double RejectedP50, double RejectedP99, double LagP50, double LagP99)
{
    /// <summary>The one machine-readable line serve.sh parses.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"sent {Sent} ok {Ok} rejected {Rejected} other {Other} errors {Errors} elapsed {Elapsed:F3} ok_rps {Ok / Elapsed:F1} " +
        $"ok_p50 {OkP50:F3} ok_p99 {OkP99:F3} rej_p50 {RejectedP50:F3} rej_p99 {RejectedP99:F3} lag_p50 {LagP50:F3} lag_p99 {LagP99:F3}");
}

/// <summary>A fixed-rate (open-loop) HTTP load generator on loopback, bounded in time, count and connections.</summary>
internal static class OpenLoopLoad
{
    private const byte Ok = 1, Rejected = 2, Other = 3, Failed = 4;

    /// <summary>Posts <paramref name="body"/> to <paramref name="url"/> at <paramref name="rate"/> req/s for <paramref name="seconds"/>.</summary>
    public static async Task<LoadResult> RunAsync(Uri url, byte[] body, double rate, double seconds, int connections)
    {
        if (!url.IsLoopback || !IPAddress.TryParse(url.Host, out var address))
            throw new ArgumentException($"refusing to load {url}: this generator only targets a loopback IP address such as 127.0.0.1.");
        if (rate <= 0 || seconds <= 0 || connections <= 0)
            throw new ArgumentOutOfRangeException(nameof(rate), "rate, seconds and connections must be positive.");
        var total = (long)Math.Min(rate * seconds, 50_000_000);
        var latency = new float[total];
        var lag = new float[total];
        var outcome = new byte[total];
        var request = RawHttpConnection.EncodePost(url, body);
        var endpoint = new IPEndPoint(address, url.Port);
        var queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true });
        var tickToMs = 1000.0 / Stopwatch.Frequency;
        var ticksPerRequest = Stopwatch.Frequency / rate;
        // Whatever has not answered 10 s after the last request was due counts as an error.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 10));
        var start = Stopwatch.GetTimestamp();

        async Task WorkerAsync()
        {
            using var connection = new RawHttpConnection(endpoint, request);
            try
            {
                while (await queue.Reader.WaitToReadAsync(deadline.Token).ConfigureAwait(false))
                {
                    while (queue.Reader.TryRead(out var i))
                    {
                        var sendAt = Stopwatch.GetTimestamp();
                        byte result;
                        try
                        {
                            var status = await connection.SendAsync(deadline.Token).ConfigureAwait(false);
                            result = status switch { 200 => Ok, 503 => Rejected, _ => Other };
                        }
                        catch (Exception ex) when (ex is SocketException or IOException or FormatException)
                        {
                            result = Failed;
                        }

                        outcome[i] = result;
                        latency[i] = (float)((Stopwatch.GetTimestamp() - sendAt) * tickToMs);
                        lag[i] = (float)((sendAt - start - i * ticksPerRequest) * tickToMs);
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // Past the deadline: requests left unanswered or unsent stay counted as errors.
            }
        }

        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(WorkerAsync)).ToArray();
        long sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (long)((Stopwatch.GetTimestamp() - start) / ticksPerRequest) + 1);
            for (; sent < due; sent++)
                queue.Writer.TryWrite(sent);
            Thread.Sleep(1);
        }

        queue.Writer.Complete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = (Stopwatch.GetTimestamp() - start) * tickToMs / 1000.0;
        return Summarize(sent, outcome, latency, lag, Math.Max(elapsed, seconds));
    }

    private static LoadResult Summarize(long sent, byte[] outcome, float[] latency, float[] lag, double elapsed)
    {
        var ok = new List<float>();
        var rejected = new List<float>();
        var lags = new List<float>();
        long other = 0, errors = 0;
        for (long i = 0; i < sent; i++)
        {
            switch (outcome[i])
            {
                case Ok: ok.Add(latency[i]); lags.Add(lag[i]); break;
                case Rejected: rejected.Add(latency[i]); lags.Add(lag[i]); break;
                case Other: other++; break;
                default: errors++; break;
            }
        }

        return new LoadResult(sent, ok.Count, rejected.Count, other, errors, elapsed,
            Percentile(ok, 0.50), Percentile(ok, 0.99), Percentile(rejected, 0.50), Percentile(rejected, 0.99),
            Percentile(lags, 0.50), Percentile(lags, 0.99));
    }

    private static double Percentile(List<float> values, double q)
    {
        if (values.Count == 0)
            return 0;
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(q * values.Count) - 1)];
    }
}
