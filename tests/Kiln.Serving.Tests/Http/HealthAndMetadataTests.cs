using System.Net;
using System.Text.Json;

namespace Kiln.Serving.Tests.Http;

public class HealthAndMetadataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_StartedServer_IsLiveAndReady()
    {
        await using var s = await Served.StartAsync();

        var live = await V2.SendAsync(s.Http, HttpMethod.Get, "v2/health/live");
        var ready = await V2.SendAsync(s.Http, HttpMethod.Get, "v2/health/ready");
        var readyz = await V2.SendAsync(s.Http, HttpMethod.Get, "readyz");

        live.Status.ShouldBe(HttpStatusCode.OK);
        live.Body.GetProperty("live").GetBoolean().ShouldBeTrue();
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Body.GetProperty("ready").GetBoolean().ShouldBeTrue();
        readyz.Status.ShouldBe(HttpStatusCode.OK);
        s.Server.IsReady.ShouldBeTrue();
        s.Server.Url.Host.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task ServerMetadata_ListsNameVersionAndExtensions()
    {
        await using var s = await Served.StartAsync();

        var (status, body, _) = await V2.SendAsync(s.Http, HttpMethod.Get, "v2");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("name").GetString().ShouldBe("kiln");
        body.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
        body.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()).ShouldContain("model_repository");
    }

    [Theory]
    [InlineData("v2/models/cancer")]
    [InlineData("v2/models/cancer/versions/1")]
    public async Task ModelMetadata_DescribesInputsAndOutputs(string path)
    {
        await using var s = await Served.StartAsync();

        var (status, body, _) = await V2.SendAsync(s.Http, HttpMethod.Get, path);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("name").GetString().ShouldBe("cancer");
        body.GetProperty("platform").GetString().ShouldBe("kiln_safetensors");
        body.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).ShouldBe(["1"]);
        var input = body.GetProperty("inputs")[0];
        input.GetProperty("name").GetString().ShouldBe("input");
        input.GetProperty("datatype").GetString().ShouldBe("FP32");
        input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([-1, 30]);
        var outputs = body.GetProperty("outputs").EnumerateArray().ToList();
        outputs.Select(o => o.GetProperty("name").GetString()).ShouldBe(["output", "probabilities", "label"]);
        outputs[0].GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([-1, 2]);
        outputs[2].GetProperty("datatype").GetString().ShouldBe("BYTES");
    }

    [Theory]
    [InlineData("v2/models/cancer/ready")]
    [InlineData("v2/models/cancer/versions/1/ready")]
    public async Task ModelReady_LoadedModel_IsReady(string path)
    {
        await using var s = await Served.StartAsync();

        var (status, body, _) = await V2.SendAsync(s.Http, HttpMethod.Get, path);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("ready").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("v2/models/nosuch", "Unknown model 'nosuch'")]
    [InlineData("v2/models/nosuch/ready", "Unknown model 'nosuch'")]
    [InlineData("v2/models/cancer/versions/9", "no version '9'")]
    [InlineData("v2/models/cancer/versions/9/ready", "no version '9'")]
    [InlineData("v2/nothing/here", "No endpoint")]
    public async Task Get_UnknownModelVersionOrRoute_Is404WithV2Error(string path, string message)
    {
        await using var s = await Served.StartAsync();

        var (status, body, response) = await V2.SendAsync(s.Http, HttpMethod.Get, path);

        status.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        V2.Error(body).ShouldContain(message);
    }

    [Fact]
    public async Task Put_OnInfer_Is405WithV2Error()
    {
        await using var s = await Served.StartAsync();

        var (status, body, _) = await V2.SendAsync(s.Http, HttpMethod.Put, "v2/models/cancer/infer", "{}");

        status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        V2.Error(body).ShouldContain("PUT");
    }

    [Fact]
    public async Task OpenApi_DescribesEndpointsAndModelFeatures()
    {
        await using var s = await Served.StartAsync();

        var (status, body, _) = await V2.SendAsync(s.Http, HttpMethod.Get, "openapi.json");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("openapi").GetString().ShouldBe("3.0.3");
        body.GetProperty("paths").TryGetProperty("/v2/models/{name}/infer", out _).ShouldBeTrue();
        var record = body.GetProperty("components").GetProperty("x-kiln-records").GetProperty("cancer");
        record.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ShouldBe(TestModel.Golden.Features);
    }

    [Fact]
    public async Task Display_Server_ShowsUrlAndModels()
    {
        await using var s = await Served.StartAsync();

        var text = s.Server.ToMimeBundle().GetText("text/plain")!;

        text.ShouldContain(s.Server.Url.ToString());
        text.ShouldContain("cancer v1");
        JsonSerializer.Serialize(text).ShouldNotBeEmpty();
    }
}
