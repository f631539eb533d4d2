using System.Net;

namespace Kiln.Serving.Tests.Http;

public class InferTests
{
    private static Golden G => TestModel.Golden;

    [Fact]
    public async Task Infer_GoldenRows_MatchesPyTorchLogitsProbabilitiesAndLabels()
    {
        await using var s = await Served.StartAsync();

        var (status, body, _) = await V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(TestModel.Flat(G.Scaled), G.Scaled.Length));

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("model_name").GetString().ShouldBe("cancer");
        body.GetProperty("model_version").GetString().ShouldBe("1");
        var output = V2.Output(body, "output");
        output.GetProperty("datatype").GetString().ShouldBe("FP32");
        output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([G.Scaled.Length, 2]);
        V2.Floats(output).Zip(TestModel.Flat(G.Logits)).ShouldAllBe(p => Math.Abs(p.First - p.Second) < 1e-5);
        V2.Floats(V2.Output(body, "probabilities")).Zip(TestModel.Flat(G.Probabilities)).ShouldAllBe(p => Math.Abs(p.First - p.Second) < 1e-5);
        V2.Output(body, "label").GetProperty("data").EnumerateArray().Select(e => e.GetString()).ShouldBe(G.Predicted);
    }

    [Fact]
    public async Task Infer_NestedData_EqualsFlatData()
    {
        await using var s = await Served.StartAsync();
        var rows = G.Scaled.Take(3).ToArray();
        var nested = "[" + string.Join(",", rows.Select(r => "[" + string.Join(",", r.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]")) + "]";
        var body = $$"""{"inputs":[{"name":"input","shape":[3,30],"datatype":"FP32","data":{{nested}}}]}""";

        var nestedAnswer = await V2.PostAsync(s.Http, "v2/models/cancer/infer", body);
        var flatAnswer = await V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(TestModel.Flat(rows), 3));

        nestedAnswer.Status.ShouldBe(HttpStatusCode.OK);
        V2.Floats(V2.Output(nestedAnswer.Body, "output")).ShouldBe(V2.Floats(V2.Output(flatAnswer.Body, "output")));
    }

    [Fact]
    public async Task Infer_IdParametersAndOutputSelection_AreHonoured()
    {
        await using var s = await Served.StartAsync();
        var extra = "\"id\":\"req-42\",\"parameters\":{\"trace\":true,\"k\":3},\"outputs\":[{\"name\":\"label\"}]";

        var (status, body, _) = await V2.PostAsync(s.Http, "v2/models/cancer/versions/1/infer", V2.InferBody(G.Scaled[0], 1, extra: extra));

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("id").GetString().ShouldBe("req-42");
        body.GetProperty("parameters").GetProperty("trace").GetBoolean().ShouldBeTrue();
        body.GetProperty("parameters").GetProperty("k").GetInt32().ShouldBe(3);
        body.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ShouldBe(["label"]);
        V2.Output(body, "label").GetProperty("data")[0].GetString().ShouldBe(G.Predicted[0]);
    }

    [Fact]
    public async Task Infer_WithoutId_OmitsId()
    {
        await using var s = await Served.StartAsync();

        var (_, body, _) = await V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(G.Scaled[0], 1));

        body.TryGetProperty("id", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Responses_CarryContentLength_NotChunked()
    {
        await using var s = await Served.StartAsync();

        var ok = await V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(G.Scaled[0], 1));
        var error = await V2.PostAsync(s.Http, "v2/models/cancer/infer", "{bad");

        foreach (var (_, _, response) in new[] { ok, error })
        {
            response.Headers.TransferEncodingChunked.ShouldNotBe(true);
            var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            response.Content.Headers.ContentLength.ShouldBe(bytes.Length);
        }
    }

    [Theory]
    [InlineData("FP64")]
    [InlineData("INT32")]
    [InlineData("INT64")]
    public async Task Infer_ConvertibleDatatypes_EqualFp32(string datatype)
    {
        await using var s = await Served.StartAsync();
        float[] whole = [.. Enumerable.Range(0, 30).Select(i => (float)((i % 5) - 2))];

        var converted = await V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(whole, 1, datatype));
        var expected = TestModel.Forward(s.Network, whole, 1);

        converted.Status.ShouldBe(HttpStatusCode.OK);
        V2.Floats(V2.Output(converted.Body, "output")).ShouldBe(expected, tolerance: 1e-5);
    }

    [Fact]
    public async Task Infer_BoolData_BecomesZeroAndOne()
    {
        await using var s = await Served.StartAsync();
        var flags = Enumerable.Range(0, 30).Select(i => i % 3 == 0).ToArray();
        var body = $$"""{"inputs":[{"name":"input","shape":[1,30],"datatype":"BOOL","data":[{{string.Join(",", flags.Select(f => f ? "true" : "false"))}}]}]}""";

        var (status, answer, _) = await V2.PostAsync(s.Http, "v2/models/cancer/infer", body);

        status.ShouldBe(HttpStatusCode.OK);
        V2.Floats(V2.Output(answer, "output")).ShouldBe(TestModel.Forward(s.Network, [.. flags.Select(f => f ? 1f : 0f)], 1), tolerance: 1e-5);
    }
}
