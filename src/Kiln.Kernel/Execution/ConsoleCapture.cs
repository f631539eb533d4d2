namespace Kiln.Kernel.Execution;

/// <summary>Installs the console routers while at least one kernel is alive and restores the original console after.</summary>
internal static class ConsoleCapture
{
    private static readonly Lock Gate = new();
    private static int s_users;
    private static ConsoleRouter? s_out;
    private static ConsoleRouter? s_error;

    /// <summary>Starts routing console output (reference counted across kernels).</summary>
    public static void Acquire()
    {
        lock (Gate)
        {
            if (s_users++ == 0)
            {
                s_out = new ConsoleRouter(Console.Out, isError: false);
                s_error = new ConsoleRouter(Console.Error, isError: true);
                Console.SetOut(s_out);
                Console.SetError(s_error);
            }
        }
    }

    /// <summary>Stops routing when the last kernel releases it, restoring the console found at the first acquire.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            if (--s_users == 0)
            {
                Console.SetOut(s_out!.Original);
                Console.SetError(s_error!.Original);
                s_out = null;
                s_error = null;
            }
        }
    }
}
