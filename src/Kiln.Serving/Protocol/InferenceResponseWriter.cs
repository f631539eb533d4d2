using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kiln.Serving.Protocol;

/// <summary>Writes V2 inference and predict responses straight to UTF-8 JSON, without intermediate objects.</summary>
internal static class InferenceResponseWriter
{
    /// <summary>The output tensor with the model's raw outputs (logits for a classifier).</summary>
    public const string Output = "output";

    /// <summary>The output tensor with softmax probabilities (models with labels).</summary>
    public const string Probabilities = "probabilities";

    /// <summary>The BYTES output tensor with the most likely label per row (models with labels).</summary>
    public const string Label = "label";

    /// <summary>Writer settings for every JSON response: minimal escaping, since responses are JSON and never HTML.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteInference(
        Utf8JsonWriter json, string model, string version, ParsedInference request, float[] output, int width, IReadOnlyList<string>? labels, bool outputIsProbability)
    {
        json.WriteStartObject();
        json.WriteString("model_name", model);
        json.WriteString("model_version", version);
        if (request.Id is { } id)
        {
            json.WriteString("id", id);
        }

        if (request.ParametersJson is { } parameters)
        {
            json.WritePropertyName("parameters");
            json.WriteRawValue(parameters, skipInputValidation: true);
        }

        json.WriteStartArray("outputs");
        bool Wanted(string name) => request.RequestedOutputs is null || request.RequestedOutputs.Contains(name);
        var rows = request.RowCount;
        if (Wanted(Output))
        {
            WriteTensorHeader(json, Output, Datatypes.Fp32, rows, width);
            WriteFloats(json, output);
            json.WriteEndObject();
        }

        if (labels is not null && Wanted(Probabilities))
        {
            WriteTensorHeader(json, Probabilities, Datatypes.Fp32, rows, width);
            WriteFloats(json, outputIsProbability ? output : Softmax.Rows(output, width));
            json.WriteEndObject();
        }

        if (labels is not null && Wanted(Label))
        {
            WriteTensorHeader(json, Label, Datatypes.Bytes, rows, null);
            for (var r = 0; r < rows; r++)
            {
                json.WriteStringValue(labels[Softmax.ArgMax(output.AsSpan(r * width, width))]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter json, string message)
    {
        json.WriteStartObject();
        json.WriteString("error", message);
        json.WriteEndObject();
    }

    private static void WriteTensorHeader(Utf8JsonWriter json, string name, string datatype, int rows, int? width)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("datatype", datatype);
        json.WriteStartArray("shape");
        json.WriteNumberValue(rows);
        if (width is { } w)
        {
            json.WriteNumberValue(w);
        }

        json.WriteEndArray();
        json.WriteStartArray("data");
    }

    private static void WriteFloats(Utf8JsonWriter json, float[] values)
    {
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }
}
