namespace Kiln.Runner.Parameters;

/// <summary>One variable declared in a notebook's <c>parameters</c> cell, with its C# type and default.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The parameter's type, or null when it is a type the runner cannot set from outside.</param>
/// <param name="TypeText">The type as written in the cell (<c>var</c>, <c>double</c>, <c>List&lt;int&gt;</c>…).</param>
/// <param name="DefaultText">The default value's C# source text, as written in the cell.</param>
public sealed record ParameterDeclaration(string Name, ParameterType? Type, string TypeText, string DefaultText);
