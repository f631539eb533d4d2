using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kiln.Serving.Tests;

/// <summary>Raw-HTTP helpers: build V2 bodies, post them, read JSON answers.</summary>
internal static class V2
{
    public static string InferBody(float[] rows, int rowCount, string datatype = "FP32", string? extra = null, string name = "input", int width = 30)
    {
        var data = string.Join(",", rows.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var more = extra is null ? string.Empty : "," + extra;
        return $$"""{"inputs":[{"name":"{{name}}","shape":[{{rowCount}},{{width}}],"datatype":"{{datatype}}","data":[{{data}}]}]{{more}}}""";
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        HttpClient http, HttpMethod method, string path, string? body = null, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        headers?.Invoke(request.Headers);
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json, response);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(HttpClient http, string path, string body) =>
        SendAsync(http, HttpMethod.Post, path, body);

    public static float[] Floats(JsonElement tensor) => [.. tensor.GetProperty("data").EnumerateArray().Select(e => e.GetSingle())];

    public static JsonElement Output(JsonElement response, string name) =>
        response.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == name);

    public static string Error(JsonElement body) => body.GetProperty("error").GetString()!;
}
