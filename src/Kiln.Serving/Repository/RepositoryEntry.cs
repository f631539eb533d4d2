namespace Kiln.Serving.Repository;

/// <summary>One row of the repository index.</summary>
/// <param name="Name">The model name.</param>
/// <param name="Version">The model version.</param>
/// <param name="State"><c>READY</c> when loaded, else <c>UNAVAILABLE</c>.</param>
/// <param name="Reason">Why a model is unavailable; empty when ready.</param>
public sealed record RepositoryEntry(string Name, string Version, string State, string Reason);
