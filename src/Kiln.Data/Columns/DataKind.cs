namespace Kiln.Data;

/// <summary>The element type of a <see cref="DataColumn"/>.</summary>
/// <remarks>pandas: the column dtype (<c>float64</c>, <c>int64</c>, <c>bool</c>, <c>object</c>, <c>datetime64</c>, <c>category</c>).</remarks>
public enum DataKind
{
    /// <summary>64-bit floating point (<see cref="double"/>).</summary>
    Float64,

    /// <summary>32-bit floating point (<see cref="float"/>).</summary>
    Float32,

    /// <summary>64-bit signed integer (<see cref="long"/>).</summary>
    Int64,

    /// <summary>32-bit signed integer (<see cref="int"/>).</summary>
    Int32,

    /// <summary>Boolean (<see cref="bool"/>).</summary>
    Boolean,

    /// <summary>Text (<see cref="string"/>).</summary>
    String,

    /// <summary>Date and time (<see cref="System.DateTime"/>).</summary>
    DateTime,

    /// <summary>Text values stored as integer codes into a list of categories.</summary>
    Categorical,
}
