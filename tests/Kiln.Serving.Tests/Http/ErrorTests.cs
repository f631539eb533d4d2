using System.Net;

namespace Kiln.Serving.Tests.Http;

public class ErrorTests
{
    private const string Infer = "v2/models/cancer/infer";

    private static string Row(string datatype = "FP32", string shape = "[1,30]", string name = "input", int count = 30, string value = "0.5") =>
        $$"""{"inputs":[{"name":"{{name}}","shape":{{shape}},"datatype":"{{datatype}}","data":[{{string.Join(",", Enumerable.Repeat(value, count))}}]}]}""";

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "bad JSON", "{\"inputs\": [", "not valid JSON" },
        { "empty body", string.Empty, "not valid JSON" },
        { "not an object", "[1,2,3]", "must be a JSON object" },
        { "no inputs", "{\"id\":\"x\"}", "'inputs' array" },
        { "two inputs", "{\"inputs\":[{},{}]}", "expects 1 input but the request has 2" },
        { "wrong datatype", Row("BYTES"), "datatype BYTES, but model 'cancer' expects FP32" },
        { "unknown datatype", Row("FLOAT"), "unknown datatype 'FLOAT'" },
        { "wrong width", Row(shape: "[1,29]", count: 29), "shape [1, 29], but model 'cancer' expects [-1, 30]" },
        { "wrong rank", Row(shape: "[30]"), "shape [30], but model 'cancer' expects [-1, 30]" },
        { "zero rows", Row(shape: "[0,30]", count: 0), "at least one row" },
        { "negative dimension", Row(shape: "[-1,30]"), "invalid shape" },
        { "element count below shape", Row(count: 29), "has 29 elements in 'data', but shape [1, 30] needs 30" },
        { "element count above shape", Row(count: 31), "has 31 elements in 'data', but shape [1, 30] needs 30" },
        { "string in FP32", Row(value: "\"a\""), "element 0 does not match datatype FP32" },
        { "fraction in INT32", Row("INT32", value: "1.5"), "element 0 does not match datatype INT32" },
        { "number in BOOL", Row("BOOL", value: "1"), "element 0 does not match datatype BOOL" },
        { "FP32 overflow", Row(value: "1e300"), "FP32 range" },
        { "wrong input name", Row(name: "x"), "Unexpected inference input 'x'" },
        { "unknown output", "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,30],\"datatype\":\"FP32\",\"data\":[" + string.Join(",", Enumerable.Repeat("0", 30)) + "]}],\"outputs\":[{\"name\":\"nope\"}]}", "Unexpected requested output 'nope'" },
        { "id not a string", "{\"id\":5,\"inputs\":[]}", "'id' must be a JSON string" },
        { "too deep", new string('[', 200) + new string(']', 200), "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Infer_MalformedRequest_Is400NamingTheProblem(string scenario, string body, string message)
    {
        await using var s = await Served.StartAsync();

        var (status, answer, response) = await V2.PostAsync(s.Http, Infer, body);

        status.ShouldBe(HttpStatusCode.BadRequest, scenario);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        V2.Error(answer).ShouldContain(message, Case.Sensitive, scenario);
    }

    [Theory]
    [InlineData("v2/models/nosuch/infer", "Unknown model 'nosuch'")]
    [InlineData("v2/models/cancer/versions/7/infer", "no version '7'")]
    [InlineData("v2/models/nosuch/predict", "Unknown model 'nosuch'")]
    public async Task Infer_UnknownModelOrVersion_Is404(string path, string message)
    {
        await using var s = await Served.StartAsync();

        var (status, answer, _) = await V2.PostAsync(s.Http, path, Row());

        status.ShouldBe(HttpStatusCode.NotFound);
        V2.Error(answer).ShouldContain(message);
    }

    [Fact]
    public async Task Infer_BodyOverLimit_Is413NamingTheLimit()
    {
        await using var s = await Served.StartAsync(new ServerOptions { MaxRequestBodySize = 1000 });

        var small = await V2.PostAsync(s.Http, Infer, Row());
        var (status, answer, _) = await V2.PostAsync(s.Http, Infer, Row(shape: "[40,30]", count: 1200));

        small.Status.ShouldBe(HttpStatusCode.OK);
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        V2.Error(answer).ShouldContain("limit of 1000 bytes");
    }

    [Fact]
    public async Task Infer_QueueFull_Is503WithRetryAfter()
    {
        var options = new ServerOptions { MaxQueueSize = 2, MaxQueueDelay = TimeSpan.FromSeconds(1), RetryAfterSeconds = 3 };
        await using var s = await Served.StartAsync(options);
        var waiting = Enumerable.Range(0, 2).Select(_ => V2.PostAsync(s.Http, Infer, Row())).ToList();
        await Waits.UntilAsync(() => s.Server.Repository.AllModels.Sum(m => m.QueueDepth) == 2);

        var (status, answer, response) = await V2.PostAsync(s.Http, Infer, Row());

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        V2.Error(answer).ShouldContain("Exceeds maximum queue size");
        foreach (var w in waiting)
        {
            (await w).Status.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task QueueFull_RefusesBeforeReadingTheBody_AndCountsThe503()
    {
        var options = new ServerOptions { MaxQueueSize = 1, MaxQueueDelay = TimeSpan.FromSeconds(1) };
        await using var s = await Served.StartAsync(options);
        var waiting = V2.PostAsync(s.Http, Infer, Row());
        await Waits.UntilAsync(() => s.Server.Repository.AllModels.Sum(m => m.QueueDepth) == 1);

        var malformed = await V2.PostAsync(s.Http, Infer, "{not json");
        var predict = await V2.PostAsync(s.Http, "v2/models/cancer/predict", "[]");
        var metrics = await s.Http.GetStringAsync("metrics", TestContext.Current.CancellationToken);

        malformed.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        V2.Error(malformed.Body).ShouldContain("Exceeds maximum queue size: 1 requests");
        predict.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        metrics.ShouldContain("kiln_inference_requests_total{model=\"cancer\",endpoint=\"infer\",status=\"503\"} 1\n");
        metrics.ShouldContain("kiln_inference_requests_total{model=\"cancer\",endpoint=\"predict\",status=\"503\"} 1\n");
        (await waiting).Status.ShouldBe(HttpStatusCode.OK);
        (await V2.PostAsync(s.Http, Infer, "{not json")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Infer_SlowerThanTimeout_Is504()
    {
        var options = new ServerOptions { RequestTimeout = TimeSpan.FromMilliseconds(100), MaxQueueDelay = TimeSpan.FromSeconds(2) };
        await using var s = await Served.StartAsync(options);

        var (status, answer, _) = await V2.PostAsync(s.Http, Infer, Row());

        status.ShouldBe(HttpStatusCode.GatewayTimeout);
        V2.Error(answer).ShouldContain("Request timeout expired");
    }

    [Fact]
    public async Task Infer_DroppedFromTheQueueAsExpired_Is504()
    {
        // Each reading of this clock is a minute later, so the batcher finds the queued request past its timeout and
        // drops it before the caller's own (real-time) timer fires.
        var options = new ServerOptions { RequestTimeout = TimeSpan.FromSeconds(5), MaxQueueDelay = TimeSpan.FromMilliseconds(5), TimeProvider = new TestClock(stepPerReading: TimeSpan.FromMinutes(1)) };
        await using var s = await Served.StartAsync(options);

        var (status, answer, _) = await V2.PostAsync(s.Http, Infer, Row());

        status.ShouldBe(HttpStatusCode.GatewayTimeout);
        V2.Error(answer).ShouldContain("Request timeout expired");
    }

    [Fact]
    public async Task ApiKey_MissingOrWrong_Is401_RightKeyPasses_HealthStaysOpen()
    {
        await using var s = await Served.StartAsync(new ServerOptions { ApiKey = "s3cret-key" });

        var missing = await V2.SendAsync(s.Http, HttpMethod.Post, Infer, Row());
        var wrong = await V2.SendAsync(s.Http, HttpMethod.Post, Infer, Row(), h => h.Add("X-Api-Key", "s3cret-kez"));
        var bearer = await V2.SendAsync(s.Http, HttpMethod.Post, Infer, Row(), h => h.Authorization = new("Bearer", "s3cret-key"));
        var header = await V2.SendAsync(s.Http, HttpMethod.Get, "v2/models/cancer", null, h => h.Add("X-Api-Key", "s3cret-key"));
        var metadataWithout = await V2.SendAsync(s.Http, HttpMethod.Get, "v2");
        var health = await V2.SendAsync(s.Http, HttpMethod.Get, "v2/health/ready");

        missing.Status.ShouldBe(HttpStatusCode.Unauthorized);
        V2.Error(missing.Body).ShouldContain("Missing API key");
        missing.Response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        wrong.Status.ShouldBe(HttpStatusCode.Unauthorized);
        V2.Error(wrong.Body).ShouldBe("Invalid API key.");
        bearer.Status.ShouldBe(HttpStatusCode.OK);
        header.Status.ShouldBe(HttpStatusCode.OK);
        metadataWithout.Status.ShouldBe(HttpStatusCode.Unauthorized);
        health.Status.ShouldBe(HttpStatusCode.OK);
    }
}
