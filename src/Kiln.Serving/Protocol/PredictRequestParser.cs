using System.Text.Json;
using Kiln.Data;
using Kiln.Data.Preprocessing;

namespace Kiln.Serving.Protocol;

/// <summary>Reads a <c>/predict</c> body of JSON records keyed by feature name, applies the model's preprocessing and returns FP32 rows.</summary>
/// <remarks>MLflow: the <c>dataframe_records</c> input of <c>/invocations</c>; BentoML: a JSON IO descriptor with a pandas schema.</remarks>
internal static class PredictRequestParser
{
    public static (string? Id, float[] Rows, int RowCount) Parse(JsonElement root, string model, IReadOnlyList<string> features, Transformer? pipeline)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            throw InferenceException.BadRequest("The request body must be a JSON object with a 'records' array of objects keyed by feature name.");
        }

        var id = InferenceRequestParser.OptionalString(root, "id");
        var count = records.GetArrayLength();
        if (count == 0)
        {
            throw InferenceException.BadRequest("'records' is empty; send at least one record.");
        }

        var columns = new double?[features.Count][];
        for (var j = 0; j < columns.Length; j++)
        {
            columns[j] = new double?[count];
        }

        var r = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw InferenceException.BadRequest($"Record {r} must be a JSON object keyed by feature name, got a JSON {InferenceRequestParser.Kind(record)}.");
            }

            for (var j = 0; j < features.Count; j++)
            {
                columns[j][r] = Value(record, features[j], r, model);
            }

            r++;
        }

        var frame = new Frame([.. features.Select((name, j) => (DataColumn)new PrimitiveColumn<double>(name, columns[j]))]);
        if (pipeline is not null)
        {
            try
            {
                frame = pipeline.Transform(frame);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw InferenceException.BadRequest($"Preprocessing for model '{model}' failed: {e.Message}");
            }
        }

        var rows = frame.ToArray([.. features]).Data;
        if (Array.Exists(rows, v => !float.IsFinite(v)))
        {
            throw InferenceException.BadRequest($"A feature value is missing or out of the FP32 range after preprocessing for model '{model}'; send a number for every feature.");
        }

        return (id, rows, count);
    }

    private static double? Value(JsonElement record, string feature, int row, string model)
    {
        if (!record.TryGetProperty(feature, out var value))
        {
            throw InferenceException.BadRequest($"Record {row} has no feature '{feature}'; model '{model}' needs {feature} in every record.");
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when value.TryGetDouble(out var d) => d,
            _ => throw InferenceException.BadRequest($"Record {row}, feature '{feature}' must be a number or null, got a JSON {InferenceRequestParser.Kind(value)}."),
        };
    }
}
