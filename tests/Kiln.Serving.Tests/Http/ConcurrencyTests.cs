using System.Net;
using System.Text.RegularExpressions;

namespace Kiln.Serving.Tests.Http;

public partial class ConcurrencyTests
{
    [Fact]
    public async Task Infer_200ConcurrentDistinctRequests_EachGetsItsOwnRows()
    {
        await using var s = await Served.StartAsync(new ServerOptions { MaxBatchSize = 32, MaxQueueDelay = TimeSpan.FromMilliseconds(5) });
        var random = new Random(11);
        var inputs = Enumerable.Range(0, 200).Select(i =>
        {
            var rows = 1 + (i % 3);
            return (Rows: rows, Data: Enumerable.Range(0, rows * 30).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray());
        }).ToList();

        var answers = await Task.WhenAll(inputs.Select(x => V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(x.Data, x.Rows, extra: "\"outputs\":[{\"name\":\"output\"}]"))));

        for (var i = 0; i < inputs.Count; i++)
        {
            answers[i].Status.ShouldBe(HttpStatusCode.OK);
            var output = V2.Floats(V2.Output(answers[i].Body, "output"));
            output.ShouldBe(TestModel.Forward(s.Network, inputs[i].Data, inputs[i].Rows), tolerance: 1e-5);
        }

        var metrics = await s.Http.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        var rowsRun = double.Parse(BatchSum().Match(metrics).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        rowsRun.ShouldBe(inputs.Sum(x => x.Rows));
    }

    [Fact]
    public async Task Stop_UnderLoad_FailsNoInFlightRequestAndTurnsReadinessOffFirst()
    {
        await using var s = await Served.StartAsync(new ServerOptions { MaxQueueDelay = TimeSpan.FromMilliseconds(300), MaxBatchSize = 256 });
        var rows = TestModel.Golden.Scaled;
        var inFlight = Enumerable.Range(0, 50).Select(i => V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(rows[i % rows.Length], 1))).ToList();
        await Waits.UntilAsync(() => s.Server.Repository.AllModels.Sum(m => m.QueueDepth) == 50);

        var stopping = s.Server.StopAsync(TestContext.Current.CancellationToken);
        var readyDuringDrain = s.Server.IsReady;
        var answers = await Task.WhenAll(inFlight);
        await stopping;

        readyDuringDrain.ShouldBeFalse();
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i].Status.ShouldBe(HttpStatusCode.OK);
            V2.Floats(V2.Output(answers[i].Body, "output")).ShouldBe(TestModel.Golden.Logits[i % rows.Length], tolerance: 1e-5);
        }

        await Should.ThrowAsync<HttpRequestException>(() => s.Http.GetAsync("v2/health/live", TestContext.Current.CancellationToken));
    }

    [GeneratedRegex(@"kiln_inference_batch_size_sum\{model=""cancer""\} ([0-9.eE+]+)")]
    private static partial Regex BatchSum();
}
