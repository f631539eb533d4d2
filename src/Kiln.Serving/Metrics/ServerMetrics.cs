using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Kiln.Serving.Metrics;

/// <summary>The server's Prometheus metrics, written by hand in the text exposition format at <c>/metrics</c>.</summary>
/// <remarks>
/// Histograms rather than summaries, so percentiles aggregate across replicas (the Triton complaint in its issues #2685, #7672).
/// Model labels appear only for loaded models, so unknown names in URLs cannot grow the series without bound.
/// </remarks>
internal sealed class ServerMetrics
{
    private static readonly double[] LatencyBounds = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] BatchBounds = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

    private readonly ConcurrentDictionary<(string Model, string Endpoint, int Status), long[]> _requests = new();
    private readonly ConcurrentDictionary<(string Model, string Endpoint), Histogram> _requestDuration = new();
    private readonly ConcurrentDictionary<string, Histogram> _computeDuration = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Histogram> _batchSize = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long[]> _http = new();
    private long _inFlight;

    /// <summary>Counts one HTTP request starting.</summary>
    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    /// <summary>Counts one HTTP request finishing with <paramref name="status"/>.</summary>
    public void RequestFinished(int status)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _http.GetOrAdd(status, _ => new long[1])[0]);
    }

    /// <summary>Records one inference or predict request for a loaded model.</summary>
    public void ObserveInference(string model, string endpoint, int status, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _requests.GetOrAdd((model, endpoint, status), _ => new long[1])[0]);
        _requestDuration.GetOrAdd((model, endpoint), _ => new Histogram(LatencyBounds)).Observe(elapsed.TotalSeconds);
    }

    /// <summary>Records one model execution of <paramref name="rows"/> rows.</summary>
    public void ObserveBatch(string model, int rows, TimeSpan elapsed)
    {
        _batchSize.GetOrAdd(model, _ => new Histogram(BatchBounds)).Observe(rows);
        _computeDuration.GetOrAdd(model, _ => new Histogram(LatencyBounds)).Observe(elapsed.TotalSeconds);
    }

    /// <summary>Writes every metric in the Prometheus text format, with the current queue depth of each loaded model version.</summary>
    public string Write(IEnumerable<(string Model, string Version, int Depth)> queues)
    {
        var text = new StringBuilder();
        Header(text, "kiln_http_requests_total", "counter", "HTTP requests answered, by status code.");
        foreach (var (status, count) in _http.OrderBy(p => p.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"kiln_http_requests_total{{status=\"{status}\"}} {Interlocked.Read(ref count[0])}\n");
        }

        Header(text, "kiln_http_requests_in_flight", "gauge", "HTTP requests being handled now.");
        text.Append(CultureInfo.InvariantCulture, $"kiln_http_requests_in_flight {Interlocked.Read(ref _inFlight)}\n");

        Header(text, "kiln_inference_requests_total", "counter", "Inference and predict requests, by model, endpoint and status code.");
        foreach (var (key, count) in _requests.OrderBy(p => p.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"kiln_inference_requests_total{{{Labels(key.Model, key.Endpoint)},status=\"{key.Status}\"}} {Interlocked.Read(ref count[0])}\n");
        }

        Header(text, "kiln_inference_request_duration_seconds", "histogram", "End-to-end latency of inference and predict requests, in seconds.");
        foreach (var (key, histogram) in _requestDuration.OrderBy(p => p.Key))
        {
            histogram.Write(text, "kiln_inference_request_duration_seconds", Labels(key.Model, key.Endpoint));
        }

        Header(text, "kiln_inference_compute_duration_seconds", "histogram", "Time of one batched model execution, in seconds.");
        WriteByModel(text, _computeDuration, "kiln_inference_compute_duration_seconds");
        Header(text, "kiln_inference_batch_size", "histogram", "Rows per batched model execution.");
        WriteByModel(text, _batchSize, "kiln_inference_batch_size");

        Header(text, "kiln_inference_queue_depth", "gauge", "Requests waiting for the batcher, by model version.");
        foreach (var (model, version, depth) in queues.OrderBy(q => (q.Model, q.Version)))
        {
            text.Append(CultureInfo.InvariantCulture, $"kiln_inference_queue_depth{{model=\"{PrometheusText.Escape(model)}\",version=\"{PrometheusText.Escape(version)}\"}} {depth}\n");
        }

        return text.ToString();
    }

    private static void WriteByModel(StringBuilder text, ConcurrentDictionary<string, Histogram> series, string name)
    {
        foreach (var (model, histogram) in series.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            histogram.Write(text, name, $"model=\"{PrometheusText.Escape(model)}\"");
        }
    }

    private static string Labels(string model, string endpoint) =>
        $"model=\"{PrometheusText.Escape(model)}\",endpoint=\"{PrometheusText.Escape(endpoint)}\"";

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
}
