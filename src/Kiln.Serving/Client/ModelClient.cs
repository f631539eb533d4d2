using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kiln.Data;

namespace Kiln.Serving.Client;

/// <summary>A typed client for a V2 model server (Kiln's or any Open Inference Protocol server): health, metadata, infer and predict.</summary>
/// <remarks>KServe: <c>InferenceRESTClient</c>; Triton: <c>tritonclient.http.InferenceServerClient</c>.</remarks>
public sealed class ModelClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for the server at <paramref name="baseAddress"/>, sending <paramref name="apiKey"/> as a bearer token when given.</summary>
    public ModelClient(Uri baseAddress, string? apiKey = null)
        : this(new HttpClient { BaseAddress = baseAddress ?? throw new ArgumentNullException(nameof(baseAddress)) }, apiKey) => _ownsHttp = true;

    /// <summary>Creates a client over an existing <see cref="HttpClient"/> whose <c>BaseAddress</c> is the server.</summary>
    /// <remarks>With <paramref name="apiKey"/>, the key is set as the HttpClient's default <c>Authorization</c> header.</remarks>
    public ModelClient(HttpClient http, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient has no BaseAddress; set it to the server URL, e.g. server.Url.", nameof(http));
        }

        _http = http;
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <summary>Whether the server is live (<c>GET /v2/health/live</c> answers 200).</summary>
    public Task<bool> IsLiveAsync(CancellationToken ct = default) => IsOkAsync("v2/health/live", ct);

    /// <summary>Whether the server is ready (<c>GET /v2/health/ready</c> answers 200).</summary>
    public Task<bool> IsReadyAsync(CancellationToken ct = default) => IsOkAsync("v2/health/ready", ct);

    /// <summary>Whether a model (version) is ready.</summary>
    public Task<bool> IsModelReadyAsync(string model, string? version = null, CancellationToken ct = default) => IsOkAsync(ModelPath(model, version) + "/ready", ct);

    /// <summary>Reads the server metadata (<c>GET /v2</c>).</summary>
    public Task<ServerMetadata> GetServerMetadataAsync(CancellationToken ct = default) => GetAsync<ServerMetadata>("v2", ct);

    /// <summary>Reads a model's metadata (<c>GET /v2/models/{model}[/versions/{version}]</c>).</summary>
    public Task<ModelMetadata> GetModelMetadataAsync(string model, string? version = null, CancellationToken ct = default) =>
        GetAsync<ModelMetadata>(ModelPath(model, version), ct);

    /// <summary>Sends a V2 inference request and returns the response.</summary>
    /// <exception cref="ModelServerException">The server answered with an error status.</exception>
    public Task<InferenceResponse> InferAsync(string model, InferenceRequest request, string? version = null, CancellationToken ct = default) =>
        PostAsync<InferenceRequest, InferenceResponse>(ModelPath(model, version) + "/infer", request, ct);

    /// <summary>Runs the model on the rows of <paramref name="rows"/> (FP32 input named <c>input</c>) and returns the response.</summary>
    public Task<InferenceResponse> InferAsync(string model, float[,] rows, string? version = null, CancellationToken ct = default) =>
        InferAsync(model, new InferenceRequest { Inputs = [InferenceTensor.FromMatrix("input", rows)] }, version, ct);

    /// <summary>Predicts labels for records keyed by feature name; the server applies the model's preprocessing.</summary>
    public async Task<IReadOnlyList<Prediction>> PredictAsync(
        string model, IEnumerable<IReadOnlyDictionary<string, double?>> records, string? version = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var response = await PostAsync<object, PredictResponse>(ModelPath(model, version) + "/predict", new { records }, ct).ConfigureAwait(false);
        return response.Predictions;
    }

    /// <summary>Predicts labels for every row of <paramref name="frame"/>, sending the numeric columns as records.</summary>
    public Task<IReadOnlyList<Prediction>> PredictAsync(string model, Frame frame, string? version = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var numeric = frame.Columns.Where(c => c.IsNumeric).ToList();
        var records = Enumerable.Range(0, frame.RowCount).Select(r =>
            (IReadOnlyDictionary<string, double?>)numeric.ToDictionary(c => c.Name, c => c.IsNull(r) ? (double?)null : c.GetDouble(r)));
        return PredictAsync(model, records, version, ct);
    }

    /// <summary>Disposes the underlying HttpClient if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static string ModelPath(string model, string? version)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var path = "v2/models/" + Uri.EscapeDataString(model);
        return version is null ? path : path + "/versions/" + Uri.EscapeDataString(version);
    }

    private async Task<bool> IsOkAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, ct).ConfigureAwait(false);
    }

    private async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(path, body, ct).ConfigureAwait(false);
        return await ReadAsync<TResponse>(response, ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new ModelServerException((int)response.StatusCode, ErrorMessage(text));
        }

        return await response.Content.ReadFromJsonAsync<T>(ct).ConfigureAwait(false)
            ?? throw new JsonException($"The server answered null where a {typeof(T).Name} was expected.");
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private sealed record PredictResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("predictions")] IReadOnlyList<Prediction> Predictions);
}
