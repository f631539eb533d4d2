namespace Kiln.Serving.Protocol;

/// <summary>The tensor datatypes of the Open Inference Protocol (V2) and which of them convert to a model's FP32 input.</summary>
public static class Datatypes
{
    /// <summary>32-bit float, the input and output type of Kiln models.</summary>
    public const string Fp32 = "FP32";

    /// <summary>Variable-length bytes (strings in JSON), used for label outputs.</summary>
    public const string Bytes = "BYTES";

    /// <summary>Every datatype name the V2 protocol defines.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BF16", "BYTES",
    };

    /// <summary>The input datatypes the server accepts for an FP32 model input, converting the values to FP32.</summary>
    /// <remarks>FP64 values must lie in the FP32 range; INT32 and INT64 values must be whole numbers in their range; BOOL becomes 0 or 1.</remarks>
    public static readonly IReadOnlySet<string> ConvertibleToFp32 = new HashSet<string>(StringComparer.Ordinal) { "FP32", "FP64", "INT32", "INT64", "BOOL" };
}
