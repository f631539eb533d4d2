namespace Kiln.Runner.Parameters;

/// <summary>The C# parameter types the runner can convert command-line and JSON values to.</summary>
/// <param name="ElementKind">The scalar kind, or the element kind of an array.</param>
/// <param name="IsArray">Whether the parameter is a one-dimensional array.</param>
/// <param name="IsNullable">Whether <c>null</c> is an accepted value (reference types and <c>T?</c>).</param>
public sealed record ParameterType(ScalarKind ElementKind, bool IsArray, bool IsNullable)
{
    /// <summary>The C# spelling of the type, as used in the injected cell.</summary>
    public string CSharpName
    {
        get
        {
            var element = ElementKind switch
            {
                ScalarKind.Int => "int",
                ScalarKind.Long => "long",
                ScalarKind.Float => "float",
                ScalarKind.Double => "double",
                ScalarKind.Decimal => "decimal",
                ScalarKind.Bool => "bool",
                _ => "string",
            };
            return IsArray ? $"{element}[]{(IsNullable ? "?" : "")}" : $"{element}{(IsNullable ? "?" : "")}";
        }
    }
}

/// <summary>Scalar kinds a parameter (or a parameter array's elements) can have.</summary>
public enum ScalarKind
{
    /// <summary>System.Int32.</summary>
    Int,

    /// <summary>System.Int64.</summary>
    Long,

    /// <summary>System.Single.</summary>
    Float,

    /// <summary>System.Double.</summary>
    Double,

    /// <summary>System.Decimal.</summary>
    Decimal,

    /// <summary>System.Boolean.</summary>
    Bool,

    /// <summary>System.String.</summary>
    String,
}
