using System.Net;
using System.Text.Json;

namespace Kiln.Serving.Tests.Http;

public class PredictTests
{
    private static Golden G => TestModel.Golden;

    [Fact]
    public async Task Predict_RawRecords_MatchScikitLearnScalingAndPyTorch()
    {
        await using var s = await Served.StartAsync();
        var body = JsonSerializer.Serialize(new { id = "p1", records = G.Records });

        var (status, answer, _) = await V2.PostAsync(s.Http, "v2/models/cancer/predict", body);

        status.ShouldBe(HttpStatusCode.OK);
        answer.GetProperty("model_name").GetString().ShouldBe("cancer");
        answer.GetProperty("id").GetString().ShouldBe("p1");
        var predictions = answer.GetProperty("predictions").EnumerateArray().ToList();
        predictions.Select(p => p.GetProperty("label").GetString()).ShouldBe(G.Predicted);
        for (var r = 0; r < predictions.Count; r++)
        {
            var p = predictions[r].GetProperty("probabilities");
            p.GetProperty("benign").GetDouble().ShouldBe(G.Probabilities[r][0], 1e-5);
            p.GetProperty("malignant").GetDouble().ShouldBe(G.Probabilities[r][1], 1e-5);
        }
    }

    [Fact]
    public async Task Predict_MissingFeature_Is400NamingIt()
    {
        await using var s = await Served.StartAsync();
        var record = G.Records[0].Where(kv => kv.Key != "mean_area").ToDictionary();

        var (status, answer, _) = await V2.PostAsync(s.Http, "v2/models/cancer/predict", JsonSerializer.Serialize(new { records = new[] { record } }));

        status.ShouldBe(HttpStatusCode.BadRequest);
        V2.Error(answer).ShouldContain("Record 0 has no feature 'mean_area'");
    }

    [Fact]
    public async Task Predict_TextFeature_Is400()
    {
        await using var s = await Served.StartAsync();
        var record = G.Records[0].ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        record["mean_area"] = "large";

        var (status, answer, _) = await V2.PostAsync(s.Http, "v2/models/cancer/predict", JsonSerializer.Serialize(new { records = new[] { record } }));

        status.ShouldBe(HttpStatusCode.BadRequest);
        V2.Error(answer).ShouldContain("feature 'mean_area' must be a number");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"records\":[]}")]
    [InlineData("{\"records\":[1]}")]
    public async Task Predict_MalformedBody_Is400(string body)
    {
        await using var s = await Served.StartAsync();

        var (status, answer, _) = await V2.PostAsync(s.Http, "v2/models/cancer/predict", body);

        status.ShouldBe(HttpStatusCode.BadRequest);
        V2.Error(answer).ShouldNotBeNullOrWhiteSpace();
    }
}
