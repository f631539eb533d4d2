namespace Kiln.Tensors.Autograd;

/// <summary>Per-thread switch that decides whether new tensors record the operations that made them.</summary>
internal static class GradMode
{
    [ThreadStatic]
    private static int _disabledDepth;

    public static bool IsEnabled => _disabledDepth == 0;

    public static IDisposable Disable()
    {
        _disabledDepth++;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _disabledDepth--;
            }
        }
    }
}
