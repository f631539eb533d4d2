using System.Text.Json;
using Kiln.Serving.Protocol;
using Kiln.Serving.Repository;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Serving.Http;

/// <summary>The Open Inference Protocol (V2) REST endpoints: health, metadata, readiness and inference, with and without a version.</summary>
internal static partial class V2Endpoints
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = InferenceRequestParser.MaxDepth };
    private static readonly string[] TensorOutputs = [InferenceResponseWriter.Output];
    private static readonly string[] LabelledOutputs = [InferenceResponseWriter.Output, InferenceResponseWriter.Probabilities, InferenceResponseWriter.Label];

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapGet("/v2/health/live", ctx => WriteJsonAsync(ctx, 200, j => j.WriteBoolean("live", true)));
        app.MapGet("/v2/health/ready", ctx => state.IsReady
            ? WriteJsonAsync(ctx, 200, j => j.WriteBoolean("ready", true))
            : throw InferenceException.BadRequest(NotReadyMessage(state)));
        app.MapGet("/livez", ctx => WriteJsonAsync(ctx, 200, j => j.WriteString("status", "live")));
        app.MapGet("/healthz", ctx => WriteJsonAsync(ctx, 200, j => j.WriteString("status", "live")));
        app.MapGet("/readyz", ctx => state.IsReady
            ? WriteJsonAsync(ctx, 200, j => j.WriteString("status", "ready"))
            : throw InferenceException.Unavailable(NotReadyMessage(state)));
        app.MapGet("/v2", ctx => WriteJsonAsync(ctx, 200, j =>
        {
            j.WriteString("name", "kiln");
            j.WriteString("version", ServerVersion);
            j.WriteStartArray("extensions");
            j.WriteStringValue("model_repository");
            j.WriteStringValue("parameters");
            j.WriteEndArray();
        }));

        foreach (var prefix in new[] { "/v2/models/{name}", "/v2/models/{name}/versions/{version}" })
        {
            app.MapGet(prefix, ctx => MetadataAsync(ctx, state));
            app.MapGet(prefix + "/ready", ctx => ModelReadyAsync(ctx, state));
            app.MapPost(prefix + "/infer", ctx => InferAsync(ctx, state));
            app.MapPost(prefix + "/predict", ctx => PredictAsync(ctx, state));
        }

        app.MapPost("/v2/repository/index", ctx => IndexAsync(ctx, state));
        app.MapPost("/v2/repository/models/{name}/load", async ctx =>
        {
            await state.Repository.LoadAsync(RouteName(ctx), ctx.RequestAborted).ConfigureAwait(false);
            ctx.Response.StatusCode = 200;
        });
        app.MapPost("/v2/repository/models/{name}/unload", async ctx =>
        {
            await state.Repository.UnloadAsync(RouteName(ctx), ctx.RequestAborted).ConfigureAwait(false);
            ctx.Response.StatusCode = 200;
        });
        app.MapGet("/metrics", ctx =>
        {
            ctx.Response.ContentType = Metrics.PrometheusText.ContentType;
            var queues = state.Repository.AllModels.Select(m => (m.Name, m.Version, m.QueueDepth));
            return ctx.Response.WriteAsync(state.Metrics.Write(queues), ctx.RequestAborted);
        });
        app.MapGet("/openapi.json", ctx =>
        {
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync(OpenApiDocument.Create(state.Repository.AllModels), ctx.RequestAborted);
        });
    }

    /// <summary>The server version reported by <c>GET /v2</c>.</summary>
    internal static string ServerVersion { get; } =
        typeof(V2Endpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    internal static async Task<JsonDocument> ReadBodyAsync(HttpContext ctx) =>
        await JsonDocument.ParseAsync(ctx.Request.Body, DocumentOptions, ctx.RequestAborted).ConfigureAwait(false);

    internal static string RouteName(HttpContext ctx) => (string)ctx.Request.RouteValues["name"]!;

    internal static string? RouteVersion(HttpContext ctx) => ctx.Request.RouteValues["version"] as string;

    internal static Task WriteJsonAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> body) =>
        JsonResponse.WriteAsync(ctx, status, json =>
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        });

    private static string NotReadyMessage(ServerState state) => state.IsDraining
        ? "The server is shutting down and no longer ready."
        : "The server is not ready: no model is loaded; load one with POST /v2/repository/models/{name}/load.";

    private static Task MetadataAsync(HttpContext ctx, ServerState state)
    {
        var model = state.Repository.Resolve(RouteName(ctx), RouteVersion(ctx));
        var versions = state.Repository.Versions(model.Name);
        return WriteJsonAsync(ctx, 200, j =>
        {
            j.WriteString("name", model.Name);
            j.WriteStartArray("versions");
            foreach (var v in versions)
            {
                j.WriteStringValue(v);
            }

            j.WriteEndArray();
            j.WriteString("platform", model.Package.Manifest.Platform);
            j.WriteStartArray("inputs");
            WriteTensorMetadata(j, model.Package.Manifest.Input!.Name, Datatypes.Fp32, model.Package.InputSize);
            j.WriteEndArray();
            j.WriteStartArray("outputs");
            foreach (var (name, datatype, width) in Outputs(model))
            {
                WriteTensorMetadata(j, name, datatype, width);
            }

            j.WriteEndArray();
        });
    }

    private static void WriteTensorMetadata(Utf8JsonWriter j, string name, string datatype, int? width)
    {
        j.WriteStartObject();
        j.WriteString("name", name);
        j.WriteString("datatype", datatype);
        j.WriteStartArray("shape");
        j.WriteNumberValue(-1);
        if (width is { } w)
        {
            j.WriteNumberValue(w);
        }

        j.WriteEndArray();
        j.WriteEndObject();
    }

    /// <summary>The names of <paramref name="model"/>'s outputs: the raw output, and with labels also probabilities and label.</summary>
    internal static IReadOnlyList<string> OutputNames(ServedModel model) => model.Package.Manifest.Labels is null ? TensorOutputs : LabelledOutputs;

    private static IEnumerable<(string Name, string Datatype, int? Width)> Outputs(ServedModel model) =>
        OutputNames(model).Select(name => name == InferenceResponseWriter.Label
            ? (name, Datatypes.Bytes, (int?)null)
            : (name, Datatypes.Fp32, model.OutputSize));

    private static Task ModelReadyAsync(HttpContext ctx, ServerState state)
    {
        var model = state.Repository.Resolve(RouteName(ctx), RouteVersion(ctx));
        return state.IsDraining
            ? throw InferenceException.BadRequest($"Model '{model.Name}' version '{model.Version}' is not ready: the server is shutting down.")
            : WriteJsonAsync(ctx, 200, j =>
            {
                j.WriteString("name", model.Name);
                j.WriteBoolean("ready", true);
            });
    }

    private static Task IndexAsync(HttpContext ctx, ServerState state)
    {
        var entries = state.Repository.Index();
        return JsonResponse.WriteAsync(ctx, 200, j =>
        {
            j.WriteStartArray();
            foreach (var e in entries)
            {
                j.WriteStartObject();
                j.WriteString("name", e.Name);
                j.WriteString("version", e.Version);
                j.WriteString("state", e.State);
                j.WriteString("reason", e.Reason);
                j.WriteEndObject();
            }

            j.WriteEndArray();
        });
    }
}
