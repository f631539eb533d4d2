using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kiln.Nn;
using Kiln.Serving.Packaging;

namespace Kiln.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-serve-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task Serve_ModelDirectory_AnswersV2AndStopsCleanlyOnCtrlC()
    {
        KilnProcess.SkipIfSigIntIgnored();
        var modelDir = Path.Combine(_root, "tiny");
        ModelPackage.Save(modelDir, new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 2)),
            new ModelManifest { Name = "tiny", Labels = ["no", "yes"] });
        var port = FreePort();
        using var server = KilnProcess.Start(
            _root, new Dictionary<string, string?>(), "serve", modelDir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = server.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await WaitUntilReadyAsync(http);

        var metadata = JsonNode.Parse(await http.GetStringAsync("v2/models/tiny", TestContext.Current.CancellationToken))!;
        var infer = await http.PostAsync("v2/models/tiny/infer", new StringContent(
            """{"id":"r1","inputs":[{"name":"input","shape":[1,2],"datatype":"FP32","data":[0.5,-1]}]}""",
            System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var unknown = await http.GetAsync("v2/models/nope", TestContext.Current.CancellationToken);

        metadata["name"]!.GetValue<string>().ShouldBe("tiny");
        infer.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await infer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>().ShouldBe("r1");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        JsonNode.Parse(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"].ShouldNotBeNull();

        await KilnProcess.InterruptAsync(server);
        await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        server.ExitCode.ShouldBe(0, await output + await server.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Serve_MissingDirectory_ExitsTwoNamingIt()
    {
        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?>(), "serve", Path.Combine(_root, "absent"));

        exitCode.ShouldBe(2);
        output.ShouldContain("absent");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync("v2/health/ready", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("kiln serve did not become ready within 30 s.");
    }
}
