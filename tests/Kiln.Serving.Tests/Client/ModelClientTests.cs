using Kiln.Data;
using Kiln.Serving.Client;

namespace Kiln.Serving.Tests.Client;

public class ModelClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthAndMetadata_ReadTheServer()
    {
        await using var s = await Served.StartAsync();
        using var client = new ModelClient(s.Server.Url);

        (await client.IsLiveAsync(Ct)).ShouldBeTrue();
        (await client.IsReadyAsync(Ct)).ShouldBeTrue();
        (await client.IsModelReadyAsync("cancer", "1", Ct)).ShouldBeTrue();
        (await client.IsModelReadyAsync("ghost", ct: Ct)).ShouldBeFalse();
        (await client.GetServerMetadataAsync(Ct)).Name.ShouldBe("kiln");
        var metadata = await client.GetModelMetadataAsync("cancer", ct: Ct);
        metadata.Inputs[0].Shape.ShouldBe([-1L, 30L]);
        metadata.Outputs.Select(o => o.Name).ShouldBe(["output", "probabilities", "label"]);
    }

    [Fact]
    public async Task InferAsync_Matrix_MatchesPyTorch()
    {
        await using var s = await Served.StartAsync();
        using var client = new ModelClient(s.Server.Url);
        var g = TestModel.Golden;
        var rows = new float[g.Scaled.Length, 30];
        for (var r = 0; r < g.Scaled.Length; r++)
        {
            for (var c = 0; c < 30; c++)
            {
                rows[r, c] = g.Scaled[r][c];
            }
        }

        var response = await client.InferAsync("cancer", rows, ct: Ct);

        response.ModelName.ShouldBe("cancer");
        response["output"].AsFloats().ShouldBe(TestModel.Flat(g.Logits), tolerance: 1e-5);
        response["label"].AsStrings().ShouldBe(g.Predicted);
        Should.Throw<KeyNotFoundException>(() => response["nope"]);
    }

    [Fact]
    public async Task PredictAsync_Frame_MatchesPyTorchProbabilities()
    {
        await using var s = await Served.StartAsync();
        using var client = new ModelClient(s.Server.Url);
        var g = TestModel.Golden;
        var frame = new Frame([.. g.Features.Select(f => (DataColumn)new PrimitiveColumn<double>(f, g.Records.Select(r => r[f])))]);

        var predictions = await client.PredictAsync("cancer", frame, ct: Ct);

        predictions.Select(p => p.Label).ShouldBe(g.Predicted);
        predictions.Select(p => p.Probabilities["malignant"]).ShouldBe(g.Probabilities.Select(p => (double)p[1]), tolerance: 1e-5);
    }

    [Fact]
    public async Task Errors_BecomeModelServerExceptionWithStatusAndMessage()
    {
        await using var s = await Served.StartAsync(new ServerOptions { ApiKey = "k1" });
        using var anonymous = new ModelClient(s.Server.Url);
        using var keyed = new ModelClient(s.Server.Url, apiKey: "k1");

        var unauthorized = await Should.ThrowAsync<ModelServerException>(() => anonymous.GetModelMetadataAsync("cancer", ct: Ct));
        var unknown = await Should.ThrowAsync<ModelServerException>(() => keyed.GetModelMetadataAsync("ghost", ct: Ct));
        var badShape = await Should.ThrowAsync<ModelServerException>(() => keyed.InferAsync("cancer", new float[1, 3], ct: Ct));

        unauthorized.StatusCode.ShouldBe(401);
        unknown.StatusCode.ShouldBe(404);
        unknown.ServerMessage.ShouldContain("Unknown model 'ghost'");
        badShape.StatusCode.ShouldBe(400);
        badShape.ServerMessage.ShouldContain("expects [-1, 30]");
    }
}
