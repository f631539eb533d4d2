using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Serving.Repository;

namespace Kiln.Serving.Http;

/// <summary>The OpenAPI 3.0 description of the server at <c>/openapi.json</c>, with each loaded model's input schema.</summary>
/// <remarks>MLServer: per-model OpenAPI documents generated from model metadata. Written by hand: no OpenAPI package is needed.</remarks>
internal static class OpenApiDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Create(IEnumerable<ServedModel> models)
    {
        var paths = new JsonObject
        {
            ["/v2/health/live"] = Get("Server liveness (200 live).", "Health"),
            ["/v2/health/ready"] = Get("Server readiness (200 ready, 400 not ready).", "Health"),
            ["/v2"] = Get("Server metadata: name, version, extensions.", "Metadata"),
            ["/v2/models/{name}"] = Get("Model metadata: versions, platform, input and output tensors.", "Metadata", named: true),
            ["/v2/models/{name}/ready"] = Get("Model readiness.", "Health", named: true),
            ["/v2/models/{name}/infer"] = Post("V2 inference on tensors.", "#/components/schemas/InferenceRequest"),
            ["/v2/models/{name}/predict"] = Post("Predictions for records keyed by feature name (preprocessing applied).", "#/components/schemas/PredictRequest"),
            ["/v2/repository/index"] = new JsonObject { ["post"] = Operation("Models in the repository and their state.", "Repository") },
            ["/metrics"] = Get("Prometheus metrics (text format).", "Metrics"),
        };
        var recordSchemas = new JsonObject();
        foreach (var model in models.GroupBy(m => m.Name).Select(g => g.First()))
        {
            if (model.Package.Manifest.Features is { } features)
            {
                recordSchemas[model.Name] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray([.. features.Select(f => (JsonNode)f)]),
                    ["properties"] = new JsonObject(features.Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonObject { ["type"] = "number", ["nullable"] = true }))),
                };
            }
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Kiln model server (Open Inference Protocol V2)", ["version"] = V2Endpoints.ServerVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key" },
                },
                ["schemas"] = new JsonObject
                {
                    ["InferenceRequest"] = JsonNode.Parse("""
                        {"type":"object","required":["inputs"],"properties":{"id":{"type":"string"},"parameters":{"type":"object"},
                         "inputs":{"type":"array","items":{"type":"object","required":["name","shape","datatype","data"],"properties":{
                           "name":{"type":"string"},"shape":{"type":"array","items":{"type":"integer"}},"datatype":{"type":"string"},"data":{"type":"array","items":{}}}}},
                         "outputs":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}
                        """),
                    ["PredictRequest"] = JsonNode.Parse("""{"type":"object","required":["records"],"properties":{"id":{"type":"string"},"records":{"type":"array","items":{"type":"object"}}}}"""),
                    ["Error"] = JsonNode.Parse("""{"type":"object","required":["error"],"properties":{"error":{"type":"string"}}}"""),
                },
                ["x-kiln-records"] = recordSchemas,
            },
        };
        return document.ToJsonString(Indented);
    }

    private static JsonObject Get(string summary, string tag, bool named = false) =>
        new() { ["get"] = Operation(summary, tag, named) };

    private static JsonObject Post(string summary, string schema) => new()
    {
        ["post"] = Operation(summary, "Inference", named: true, new JsonObject
        {
            ["required"] = true,
            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = schema } } },
        }),
    };

    private static JsonObject Operation(string summary, string tag, bool named = false, JsonObject? body = null)
    {
        var operation = new JsonObject
        {
            ["summary"] = summary,
            ["tags"] = new JsonArray(tag),
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "Success." },
                ["default"] = new JsonObject
                {
                    ["description"] = "Error with a V2 error body.",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Error" } } },
                },
            },
        };
        if (named)
        {
            operation["parameters"] = new JsonArray(new JsonObject { ["name"] = "name", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        if (body is not null)
        {
            operation["requestBody"] = body;
        }

        return operation;
    }
}
