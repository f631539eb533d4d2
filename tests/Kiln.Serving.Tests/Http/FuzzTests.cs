using System.Net;
using System.Text;
using System.Text.Json;

namespace Kiln.Serving.Tests.Http;

public class FuzzTests
{
    private static readonly string[] Paths =
    [
        "v2", "v2/health/live", "v2/health/ready", "v2/models/cancer", "v2/models/cancer/ready", "v2/models/cancer/infer",
        "v2/models/cancer/versions/1/infer", "v2/models/cancer/versions/x/infer", "v2/models/cancer/predict", "v2/models/%2e%2e/infer",
        "v2/models/ghost/infer", "v2/repository/index", "v2/repository/models/ghost/load", "metrics", "openapi.json", "v2/models//infer",
    ];

    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options];

    [Fact]
    public async Task Fuzz_TenThousandMalformedRequests_NoServerErrorNoCrashBoundedHeap()
    {
        await using var s = await Served.StartAsync(new ServerOptions { MaxRequestBodySize = 256 * 1024 });
        var valid = V2.InferBody(TestModel.Golden.Scaled[0], 1, extra: "\"id\":\"a\"");
        await RunAsync(s, valid, seed: 1, count: 500);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var failures = await RunAsync(s, valid, seed: 2, count: 10_000);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        failures.ShouldBeEmpty();
        (after - before).ShouldBeLessThan(32L * 1024 * 1024, $"heap grew from {before} to {after} bytes");
        (await V2.SendAsync(s.Http, HttpMethod.Get, "v2/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
        (await V2.PostAsync(s.Http, "v2/models/cancer/infer", valid)).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<List<string>> RunAsync(Served s, string valid, int seed, int count)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var random = new Random((seed * 1_000_003) + i);
                var method = random.Next(4) == 0 ? Methods[random.Next(Methods.Length)] : HttpMethod.Post;
                var path = random.Next(10) == 0 ? RandomPath(random) : Paths[random.Next(Paths.Length)];
                using var request = new HttpRequestMessage(method, path);
                if (method != HttpMethod.Get && method != HttpMethod.Head)
                {
                    request.Content = new ByteArrayContent(Body(random, valid));
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", random.Next(5) == 0 ? "text/plain" : "application/json");
                }

                HttpResponseMessage response;
                try
                {
                    response = await s.Http.SendAsync(request, TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException e)
                {
                    failures.Add($"{method} {path} len {request.Content?.Headers.ContentLength}: {e.Message} {e.InnerException?.Message}");
                    continue;
                }

                using var _ = response;
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{method} {path}: {status} {text}");
                }
                else if (status >= 400 && method != HttpMethod.Head && !HasErrorBody(text))
                {
                    failures.Add($"{method} {path}: {status} without a V2 error body: {text}");
                }
            }
        }, TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(workers);
        return [.. failures];
    }

    private static bool HasErrorBody(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string RandomPath(Random random)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyz0123456789-_.~/%20";
        return "v2/" + new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => chars[random.Next(chars.Length)])]).Replace("%", "%25", StringComparison.Ordinal);
    }

    private static byte[] Body(Random random, string valid)
    {
        switch (random.Next(9))
        {
            case 0:
                var bytes = new byte[random.Next(0, 2000)];
                random.NextBytes(bytes);
                return bytes;
            case 1:
                return Encoding.UTF8.GetBytes(valid[..random.Next(valid.Length)]);
            case 2:
                var depth = random.Next(10, 300);
                return Encoding.UTF8.GetBytes(new string('[', depth) + "1" + new string(']', depth));
            case 3:
                return Encoding.UTF8.GetBytes(Mutate(random, valid));
            case 4:
                return Encoding.UTF8.GetBytes(valid.Replace("[1,30]", $"[{random.Next(-3, 1_000_000_000)},{random.Next(-3, 60)}]", StringComparison.Ordinal));
            case 5:
                var datatype = new[] { "FP16", "UINT8", "BYTES", "BOOL", "INT8", "fp32", "", "FP32\u0000" }[random.Next(8)];
                return Encoding.UTF8.GetBytes(valid.Replace("\"FP32\"", JsonSerializer.Serialize(datatype), StringComparison.Ordinal));
            case 6:
                var field = new[] { "\"inputs\"", "\"name\"", "\"shape\"", "\"data\"", "\"id\"" }[random.Next(5)];
                var value = new[] { "null", "1", "\"x\"", "{}", "[]", "true", "[[[]]]", "-1e999" }[random.Next(8)];
                var at = valid.IndexOf(field, StringComparison.Ordinal);
                var colon = valid.IndexOf(':', at) + 1;
                return Encoding.UTF8.GetBytes(valid[..colon] + value + "," + "\"_\":" + valid[colon..]);
            case 7:
                return Encoding.UTF8.GetBytes("{\"records\":[" + string.Join(",", Enumerable.Repeat("{\"mean_radius\":" + random.Next() + "}", random.Next(1, 5))) + "]}");
            default:
                return new byte[random.Next(300_000, 400_000)];
        }
    }

    private static string Mutate(Random random, string valid)
    {
        var chars = valid.ToCharArray();
        for (var k = 0; k < random.Next(1, 6); k++)
        {
            chars[random.Next(chars.Length)] = "{}[],:\"0-e.x\\ "[random.Next(14)];
        }

        return new string(chars);
    }
}
