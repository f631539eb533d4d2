using System.Reflection;

namespace Kiln.Kernel;

/// <summary>A library that cells reference, with its namespaces imported, from the first cell that names it.</summary>
/// <param name="Assembly">The library.</param>
/// <param name="Imports">Its namespaces; every cell imports them once the library is referenced.</param>
/// <remarks>
/// For libraries with a large dependency closure: Roslyn binds every assembly a cell can reach again for each cell, so
/// Kiln.Serving (which brings ASP.NET Core's ~80 assemblies) referenced from the start made every cell's compile about
/// a third slower, in notebooks that never serve a model too. A cell names the library when it mentions one of its public
/// types in <paramref name="Imports"/> (<c>ModelServer</c>) or one of those namespaces (<c>using Kiln.Serving;</c>,
/// <c>Kiln.Serving.Client.ModelClient</c>); from that cell on it is referenced as if it had been from the start.
/// </remarks>
public sealed record OnDemandLibrary(Assembly Assembly, IReadOnlyList<string> Imports);
