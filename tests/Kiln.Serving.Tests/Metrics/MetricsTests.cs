using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Kiln.Serving.Tests.Metrics;

public partial class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterRequests_CountsByModelEndpointAndStatus()
    {
        await using var s = await Served.StartAsync();
        var good = V2.InferBody(TestModel.Golden.Scaled[0], 1);
        for (var i = 0; i < 5; i++)
        {
            (await V2.PostAsync(s.Http, "v2/models/cancer/infer", good)).Status.ShouldBe(HttpStatusCode.OK);
        }

        for (var i = 0; i < 3; i++)
        {
            (await V2.PostAsync(s.Http, "v2/models/cancer/infer", "{bad")).Status.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await V2.PostAsync(s.Http, "v2/models/ghost/infer", good)).Status.ShouldBe(HttpStatusCode.NotFound);

        var response = await s.Http.GetAsync("metrics", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.Content.Headers.ContentType!.ToString().ShouldStartWith("text/plain; version=0.0.4");
        Sample(text, "kiln_inference_requests_total{model=\"cancer\",endpoint=\"infer\",status=\"200\"}").ShouldBe(5);
        Sample(text, "kiln_inference_requests_total{model=\"cancer\",endpoint=\"infer\",status=\"400\"}").ShouldBe(3);
        Sample(text, "kiln_inference_request_duration_seconds_count{model=\"cancer\",endpoint=\"infer\"}").ShouldBe(8);
        Sample(text, "kiln_inference_batch_size_sum{model=\"cancer\"}").ShouldBe(5);
        Sample(text, "kiln_http_requests_total{status=\"404\"}").ShouldBe(1);
        Sample(text, "kiln_inference_queue_depth{model=\"cancer\",version=\"1\"}").ShouldBe(0);
        text.ShouldNotContain("ghost");
    }

    [Fact]
    public async Task Metrics_TextFormat_IsWellFormedWithCumulativeBuckets()
    {
        await using var s = await Served.StartAsync();
        await V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(TestModel.Flat(TestModel.Golden.Scaled), TestModel.Golden.Scaled.Length));

        var text = await s.Http.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.ShouldAllBe(l => l.StartsWith("# HELP ") || l.StartsWith("# TYPE ") || SampleLine().IsMatch(l));
        var buckets = lines.Where(l => l.StartsWith("kiln_inference_batch_size_bucket", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).ToList();
        buckets.ShouldBe(buckets.Order().ToList());
        buckets[^1].ShouldBe(1);
        lines.ShouldContain("kiln_inference_batch_size_bucket{model=\"cancer\",le=\"8\"} 0");
        lines.ShouldContain("kiln_inference_batch_size_bucket{model=\"cancer\",le=\"16\"} 1");
        lines.ShouldContain("# TYPE kiln_inference_request_duration_seconds histogram");
    }

    private static double Sample(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        line.ShouldNotBeNull($"no sample {series}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (\+Inf|-Inf|NaN|-?[0-9.]+([eE][+-]?[0-9]+)?)$""")]
    private static partial Regex SampleLine();
}
