using System.Net;
using Kiln.Nn;
using Kiln.Serving.Packaging;

namespace Kiln.Serving.Tests.Repository;

public class RepositoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TempDir Dir, ModelServer Server, HttpClient Http, Sequential V1, Sequential V2)> StartRepositoryAsync()
    {
        var dir = new TempDir();
        var v1 = TestModel.Save(Path.Combine(dir.Path, "cancer", "1"), version: "1");
        var v2 = TestModel.Save(Path.Combine(dir.Path, "cancer", "2"), version: "2", network: Architecture.Build(TestModel.Golden.Architecture));
        v2.Eval();
        var server = await ModelServer.StartAsync(dir.Path, new ServerOptions { Port = 0 }, Ct);
        return (dir, server, new HttpClient { BaseAddress = server.Url }, v1, v2);
    }

    [Fact]
    public async Task Versions_DefaultIsHighest_ExplicitVersionServesThatOne()
    {
        var (dir, server, http, v1, v2) = await StartRepositoryAsync();
        await using var _ = server;
        using var __ = dir;
        using var ___ = http;
        var row = TestModel.Golden.Scaled[0];

        var latest = await V2.PostAsync(http, "v2/models/cancer/infer", V2.InferBody(row, 1));
        var first = await V2.PostAsync(http, "v2/models/cancer/versions/1/infer", V2.InferBody(row, 1));
        var metadata = await V2.SendAsync(http, HttpMethod.Get, "v2/models/cancer");

        latest.Body.GetProperty("model_version").GetString().ShouldBe("2");
        V2.Floats(V2.Output(latest.Body, "output")).ShouldBe(TestModel.Forward(v2, row, 1), tolerance: 1e-5);
        first.Body.GetProperty("model_version").GetString().ShouldBe("1");
        V2.Floats(V2.Output(first.Body, "output")).ShouldBe(TestModel.Forward(v1, row, 1), tolerance: 1e-5);
        metadata.Body.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task IndexUnloadLoad_ChangeStateAndAvailability()
    {
        var (dir, server, http, _, _) = await StartRepositoryAsync();
        await using var _s = server;
        using var _d = dir;
        using var _h = http;
        var body = V2.InferBody(TestModel.Golden.Scaled[0], 1);

        var index = await V2.PostAsync(http, "v2/repository/index", string.Empty);
        var unload = await V2.PostAsync(http, "v2/repository/models/cancer/unload", string.Empty);
        var afterUnload = await V2.PostAsync(http, "v2/models/cancer/infer", body);
        var indexUnloaded = await V2.PostAsync(http, "v2/repository/index", string.Empty);
        var readyUnloaded = await V2.SendAsync(http, HttpMethod.Get, "v2/health/ready");
        var load = await V2.PostAsync(http, "v2/repository/models/cancer/load", string.Empty);
        var afterLoad = await V2.PostAsync(http, "v2/models/cancer/infer", body);
        var missing = await V2.PostAsync(http, "v2/repository/models/ghost/load", string.Empty);
        var unloadMissing = await V2.PostAsync(http, "v2/repository/models/ghost/unload", string.Empty);

        index.Body.EnumerateArray().Select(e => (e.GetProperty("name").GetString(), e.GetProperty("version").GetString(), e.GetProperty("state").GetString()))
            .ShouldBe([("cancer", "1", "READY"), ("cancer", "2", "READY")]);
        unload.Status.ShouldBe(HttpStatusCode.OK);
        afterUnload.Status.ShouldBe(HttpStatusCode.NotFound);
        indexUnloaded.Body.EnumerateArray().Select(e => e.GetProperty("state").GetString()).ShouldBe(["UNAVAILABLE", "UNAVAILABLE"]);
        readyUnloaded.Status.ShouldBe(HttpStatusCode.BadRequest);
        V2.Error(readyUnloaded.Body).ShouldContain("no model is loaded");
        load.Status.ShouldBe(HttpStatusCode.OK);
        afterLoad.Status.ShouldBe(HttpStatusCode.OK);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        V2.Error(missing.Body).ShouldContain("'ghost' is not in the model repository");
        unloadMissing.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reload_UnderConcurrentLoad_DropsNoRequest()
    {
        await using var s = await Served.StartAsync();
        var row = TestModel.Golden.Scaled[1];
        var expected = TestModel.Forward(s.Network, row, 1);
        using var stop = new CancellationTokenSource();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var outputs = new System.Collections.Concurrent.ConcurrentBag<float[]>();

        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (status, body, _) = await V2.PostAsync(s.Http, "v2/models/cancer/infer", V2.InferBody(row, 1));
                statuses.Add(status);
                outputs.Add(V2.Floats(V2.Output(body, "output")));
            }
        })).ToList();
        for (var i = 0; i < 5; i++)
        {
            await Waits.UntilAsync(() => statuses.Count > (i + 1) * 20);
            var reload = await V2.PostAsync(s.Http, "v2/repository/models/cancer/load", string.Empty);
            reload.Status.ShouldBe(HttpStatusCode.OK);
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);

        statuses.ShouldAllBe(st => st == HttpStatusCode.OK);
        outputs.ShouldAllBe(o => Math.Abs(o[0] - expected[0]) < 1e-5 && Math.Abs(o[1] - expected[1]) < 1e-5);
    }

    [Fact]
    public async Task Start_EmptyFolder_FailsWithClearMessage()
    {
        using var dir = new TempDir();

        var e = await Should.ThrowAsync<InvalidDataException>(() => ModelServer.StartAsync(dir.Path, new ServerOptions { Port = 0 }, Ct));

        e.Message.ShouldContain("holds no model");
    }

    [Fact]
    public async Task Start_PortInUse_FailsAndLeavesTheFirstServerRunning()
    {
        await using var first = await Served.StartAsync();

        await Should.ThrowAsync<IOException>(() => ModelServer.StartAsync(first.ModelDir, new ServerOptions { Port = first.Server.Url.Port }, Ct));

        (await V2.SendAsync(first.Http, HttpMethod.Get, "v2/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_MissingFolder_IsDirectoryNotFound()
    {
        await Should.ThrowAsync<DirectoryNotFoundException>(() => ModelServer.StartAsync("/nonexistent/kiln/models", new ServerOptions { Port = 0 }, Ct));
    }
}
