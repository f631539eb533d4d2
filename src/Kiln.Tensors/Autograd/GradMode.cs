namespace Kiln.Tensors.Autograd;

/// <summary>Decides whether new tensors record the operations that made them; flows with the async context.</summary>
/// <remarks>
/// An <see cref="AsyncLocal{T}"/> rather than a thread-static, so a notebook cell that awaits inside
/// <c>using (Tensor.NoGrad())</c> keeps the setting when it resumes on another thread.
/// </remarks>
internal static class GradMode
{
    private static readonly AsyncLocal<int> DisabledDepth = new();

    public static bool IsEnabled => DisabledDepth.Value == 0;

    public static IDisposable Disable()
    {
        var previous = DisabledDepth.Value;
        DisabledDepth.Value = previous + 1;
        return new Scope(previous);
    }

    private sealed class Scope(int previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                DisabledDepth.Value = previous;
            }
        }
    }
}
