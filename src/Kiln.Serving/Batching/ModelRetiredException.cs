namespace Kiln.Serving.Batching;

/// <summary>Thrown when a request reaches a model instance that a reload or unload has just retired; the caller resolves the model again.</summary>
internal sealed class ModelRetiredException() : Exception("The model instance was retired by a reload or unload; resolve the model again.");
