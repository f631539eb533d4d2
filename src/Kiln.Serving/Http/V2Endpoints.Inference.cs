using System.Text.Json;
using Kiln.Serving.Batching;
using Kiln.Serving.Protocol;
using Kiln.Serving.Repository;
using Microsoft.AspNetCore.Http;

namespace Kiln.Serving.Http;

/// <summary>Inference facet: <c>/infer</c> (V2 tensors) and <c>/predict</c> (records by feature name).</summary>
internal static partial class V2Endpoints
{
    private const int MaxRetiredRetries = 3;

    private static async Task InferAsync(HttpContext ctx, ServerState state)
    {
        var (name, version) = (RouteName(ctx), RouteVersion(ctx));
        var model = state.Repository.Resolve(name, version);
        if (model.IsFull)
        {
            await RefuseQueueFullAsync(ctx, state, model, "infer").ConfigureAwait(false);
            return;
        }

        await ObservedAsync(ctx, state, model, "infer", async () =>
        {
            using var body = await ReadBodyAsync(ctx).ConfigureAwait(false);
            var request = InferenceRequestParser.Parse(body.RootElement, model.Name, model.Package.Manifest.Input!.Name, model.Package.InputSize, OutputNames(model));
            var (output, served) = await RunAsync(ctx, state, model, version, request.Rows, request.RowCount).ConfigureAwait(false);
            await JsonResponse.WriteAsync(ctx, 200, json => InferenceResponseWriter.WriteInference(
                json, served.Name, served.Version, request, output, served.OutputSize, served.Package.Manifest.Labels, OutputIsProbability(served)))
                .ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static async Task PredictAsync(HttpContext ctx, ServerState state)
    {
        var (name, version) = (RouteName(ctx), RouteVersion(ctx));
        var model = state.Repository.Resolve(name, version);
        if (model.IsFull)
        {
            await RefuseQueueFullAsync(ctx, state, model, "predict").ConfigureAwait(false);
            return;
        }

        await ObservedAsync(ctx, state, model, "predict", async () =>
        {
            var features = model.Package.Manifest.Features
                ?? throw InferenceException.BadRequest($"Model '{model.Name}' has no feature names in its manifest; call /infer with a tensor instead.");
            using var body = await ReadBodyAsync(ctx).ConfigureAwait(false);
            var (id, rows, count) = PredictRequestParser.Parse(body.RootElement, model.Name, features, model.Package.Pipeline);
            var (output, served) = await RunAsync(ctx, state, model, version, rows, count).ConfigureAwait(false);
            var width = served.OutputSize;
            var probabilities = OutputIsProbability(served) ? output : Softmax.Rows(output, width);
            var labels = served.Package.Manifest.Labels ?? [.. Enumerable.Range(0, width).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            await JsonResponse.WriteAsync(ctx, 200, json => WritePredictions(json, served, id, count, probabilities, labels)).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static void WritePredictions(Utf8JsonWriter json, ServedModel served, string? id, int count, float[] probabilities, IReadOnlyList<string> labels)
    {
        var width = served.OutputSize;
        json.WriteStartObject();
        json.WriteString("model_name", served.Name);
        json.WriteString("model_version", served.Version);
        if (id is not null)
        {
            json.WriteString("id", id);
        }

        json.WriteStartArray("predictions");
        for (var r = 0; r < count; r++)
        {
            var row = probabilities.AsSpan(r * width, width);
            json.WriteStartObject();
            json.WriteString("label", labels[Softmax.ArgMax(row)]);
            json.WriteStartObject("probabilities");
            for (var j = 0; j < width; j++)
            {
                json.WriteNumber(labels[j], row[j]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static bool OutputIsProbability(ServedModel model) => model.Package.Manifest.Architecture[^1].Type == "softmax";

    /// <summary>
    /// Overload fast path: refuses before reading or parsing the body and without throwing, so a refusal costs a small
    /// fraction of a served request and the server keeps its capacity for the requests it admits.
    /// </summary>
    private static async Task RefuseQueueFullAsync(HttpContext ctx, ServerState state, ServedModel model, string endpoint)
    {
        var started = state.Options.TimeProvider.GetTimestamp();
        await ErrorHandling.WriteUnavailableAsync(ctx, state.Options, Batcher.QueueFullMessage(state.Options.MaxQueueSize)).ConfigureAwait(false);
        state.Metrics.ObserveInference(model.Name, endpoint, 503, state.Options.TimeProvider.GetElapsedTime(started));
    }

    private static async Task ObservedAsync(HttpContext ctx, ServerState state, ServedModel model, string endpoint, Func<Task> handle)
    {
        var started = state.Options.TimeProvider.GetTimestamp();
        var status = 500;
        try
        {
            await handle().ConfigureAwait(false);
            status = 200;
        }
        catch (InferenceException e)
        {
            status = e.StatusCode;
            throw;
        }
        catch (BadHttpRequestException e)
        {
            status = e.StatusCode;
            throw;
        }
        catch (JsonException)
        {
            status = 400;
            throw;
        }
        finally
        {
            state.Metrics.ObserveInference(model.Name, endpoint, status, state.Options.TimeProvider.GetElapsedTime(started));
        }
    }

    private static async Task<(float[] Output, ServedModel Served)> RunAsync(HttpContext ctx, ServerState state, ServedModel model, string? version, float[] rows, int rowCount)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // No timer when the model answered at once (a lone request runs on this thread); the batcher drops
                // queued requests whose timeout has passed.
                var output = await model.InferAsync(rows, rowCount, ctx.RequestAborted)
                    .WaitAsync(state.Options.RequestTimeout, state.Options.TimeProvider, ctx.RequestAborted).ConfigureAwait(false);
                return (output, model);
            }
            catch (ModelRetiredException) when (attempt < MaxRetiredRetries)
            {
                var next = state.Repository.Resolve(model.Name, version);
                model = next.Package.InputSize == model.Package.InputSize
                    ? next
                    : throw InferenceException.Unavailable($"Model '{model.Name}' was reloaded with a different input size; send the request again.");
            }
            catch (ModelRetiredException)
            {
                throw InferenceException.Unavailable($"Model '{model.Name}' is being reloaded; retry later.");
            }
            catch (TimeoutException)
            {
                // From this caller's own timer, or from the batcher, which drops a request queued past its timeout.
                throw new InferenceException(504, $"Request timeout expired: model '{model.Name}' did not answer within {state.Options.RequestTimeout.TotalMilliseconds:F0} ms; retry later or raise the timeout.");
            }
        }
    }
}
