using System.Text.Json;

namespace Kiln.Serving.Protocol;

/// <summary>A validated V2 inference request: the input rows as FP32, the id, the parameters to echo and the requested outputs.</summary>
/// <param name="Id">The request id to echo, or null.</param>
/// <param name="ParametersJson">The raw JSON of the request parameters, echoed in the response, or null.</param>
/// <param name="Rows">The input values, row-major.</param>
/// <param name="RowCount">The number of rows (the first shape dimension).</param>
/// <param name="RequestedOutputs">The output names asked for, or null for all outputs.</param>
internal sealed record ParsedInference(string? Id, string? ParametersJson, float[] Rows, int RowCount, IReadOnlyList<string>? RequestedOutputs);

/// <summary>Reads and validates a V2 inference request body against a model's input schema.</summary>
/// <remarks>Error messages name the model, the input and the expected versus actual datatype, shape or element count, and never echo values.</remarks>
internal static class InferenceRequestParser
{
    /// <summary>The deepest JSON nesting a request may have (Triton: <c>HTTP_MAX_JSON_NESTING_DEPTH</c> = 100).</summary>
    public const int MaxDepth = 64;

    public static ParsedInference Parse(JsonElement root, string model, string inputName, int inputSize, IReadOnlyCollection<string> outputs)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw InferenceException.BadRequest($"The request body must be a JSON object with 'inputs', got a JSON {Kind(root)}.");
        }

        var id = OptionalString(root, "id");
        string? parameters = null;
        if (root.TryGetProperty("parameters", out var p))
        {
            parameters = p.ValueKind == JsonValueKind.Object
                ? p.GetRawText()
                : throw InferenceException.BadRequest($"'parameters' must be a JSON object, got a JSON {Kind(p)}.");
        }

        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
        {
            throw InferenceException.BadRequest($"The request must have an 'inputs' array; model '{model}' expects one input '{inputName}'.");
        }

        if (inputs.GetArrayLength() != 1)
        {
            throw InferenceException.BadRequest($"Model '{model}' expects 1 input but the request has {inputs.GetArrayLength()}; send one input '{inputName}'.");
        }

        var (rows, rowCount) = ParseInput(inputs[0], model, inputName, inputSize);
        return new ParsedInference(id, parameters, rows, rowCount, ParseOutputs(root, model, outputs));
    }

    internal static string? OptionalString(JsonElement root, string property) =>
        !root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw InferenceException.BadRequest($"'{property}' must be a JSON string, got a JSON {Kind(value)}.");

    internal static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    private static (float[] Rows, int RowCount) ParseInput(JsonElement input, string model, string inputName, int inputSize)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw InferenceException.BadRequest($"Each input must be a JSON object with name, shape, datatype and data, got a JSON {Kind(input)}.");
        }

        var name = OptionalString(input, "name") ?? throw InferenceException.BadRequest("The input has no 'name'; model '" + model + "' expects '" + inputName + "'.");
        if (name != inputName)
        {
            throw InferenceException.BadRequest($"Unexpected inference input '{Truncate(name)}' for model '{model}'; the model expects '{inputName}'.");
        }

        var datatype = OptionalString(input, "datatype") ?? throw InferenceException.BadRequest($"Input '{inputName}' has no 'datatype'; use FP32.");
        if (!Datatypes.All.Contains(datatype))
        {
            throw InferenceException.BadRequest($"Input '{inputName}' has unknown datatype '{Truncate(datatype)}'; V2 datatypes are {string.Join(", ", Datatypes.All)}.");
        }

        if (!Datatypes.ConvertibleToFp32.Contains(datatype))
        {
            throw InferenceException.BadRequest(
                $"Input '{inputName}' has datatype {datatype}, but model '{model}' expects FP32 (FP64, INT32, INT64 and BOOL are converted).");
        }

        var shape = ParseShape(input, inputName);
        if (shape.Length != 2 || shape[1] != inputSize || shape[0] < 1)
        {
            throw InferenceException.BadRequest(
                $"Input '{inputName}' has shape [{string.Join(", ", shape)}], but model '{model}' expects [-1, {inputSize}] with at least one row.");
        }

        if (!input.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw InferenceException.BadRequest($"Input '{inputName}' has no 'data' array; send the values flat or nested, row-major.");
        }

        var expected = shape[0] * shape[1];
        var count = CountElements(data);
        if (count != expected)
        {
            throw InferenceException.BadRequest(
                $"Input '{inputName}' has {count} elements in 'data', but shape [{shape[0]}, {shape[1]}] needs {expected}.");
        }

        var rows = new float[expected];
        var index = 0;
        Fill(data, datatype, inputName, rows, ref index);
        return (rows, (int)shape[0]);
    }

    private static long[] ParseShape(JsonElement input, string inputName)
    {
        if (!input.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array || shape.GetArrayLength() > 8)
        {
            throw InferenceException.BadRequest($"Input '{inputName}' needs a 'shape' array of at most 8 whole numbers, e.g. [1, n].");
        }

        var dims = new long[shape.GetArrayLength()];
        for (var i = 0; i < dims.Length; i++)
        {
            if (shape[i].ValueKind != JsonValueKind.Number || !shape[i].TryGetInt64(out dims[i]) || dims[i] < 0 || dims[i] > int.MaxValue)
            {
                throw InferenceException.BadRequest($"Input '{inputName}' has an invalid shape: dimension {i} must be a whole number from 0 to {int.MaxValue}.");
            }
        }

        return dims;
    }

    private static long CountElements(JsonElement data)
    {
        long count = 0;
        foreach (var item in data.EnumerateArray())
        {
            count += item.ValueKind == JsonValueKind.Array ? CountElements(item) : 1;
        }

        return count;
    }

    private static void Fill(JsonElement data, string datatype, string inputName, float[] rows, ref int index)
    {
        foreach (var item in data.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array)
            {
                Fill(item, datatype, inputName, rows, ref index);
                continue;
            }

            rows[index] = Convert(item, datatype, inputName, index);
            index++;
        }
    }

    private static float Convert(JsonElement item, string datatype, string inputName, int index)
    {
        switch (datatype)
        {
            case "BOOL":
                return item.ValueKind switch
                {
                    JsonValueKind.True => 1f,
                    JsonValueKind.False => 0f,
                    _ => throw Element(inputName, index, "BOOL", "true or false"),
                };
            case "INT32":
                return item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var i32) ? i32 : throw Element(inputName, index, datatype, "a whole number in the INT32 range");
            case "INT64":
                return item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var i64) ? i64 : throw Element(inputName, index, datatype, "a whole number in the INT64 range");
            default:
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var d) || !float.IsFinite((float)d))
                {
                    throw Element(inputName, index, datatype, "a number in the FP32 range");
                }

                return (float)d;
        }
    }

    private static InferenceException Element(string inputName, int index, string datatype, string expected) =>
        InferenceException.BadRequest($"Input '{inputName}' element {index} does not match datatype {datatype}: each value must be {expected}.");

    private static List<string>? ParseOutputs(JsonElement root, string model, IReadOnlyCollection<string> outputs)
    {
        if (!root.TryGetProperty("outputs", out var requested) || requested.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (requested.ValueKind != JsonValueKind.Array)
        {
            throw InferenceException.BadRequest($"'outputs' must be an array of objects with a 'name', got a JSON {Kind(requested)}.");
        }

        var names = new List<string>();
        foreach (var output in requested.EnumerateArray())
        {
            var name = output.ValueKind == JsonValueKind.Object ? OptionalString(output, "name") : null;
            if (name is null || !outputs.Contains(name))
            {
                throw InferenceException.BadRequest(
                    $"Unexpected requested output '{Truncate(name ?? "(no name)")}' for model '{model}'; its outputs are {string.Join(", ", outputs)}.");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Shortens a client-supplied name before it appears in an error message.</summary>
    internal static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
