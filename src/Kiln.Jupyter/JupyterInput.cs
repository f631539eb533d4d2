using Kiln.Jupyter.Stdin;

namespace Kiln.Jupyter;

/// <summary>Asks the notebook's user for input from a cell running in the Jupyter kernel.</summary>
/// <remarks>
/// Polyglot Notebooks: <c>Kernel.GetInputAsync</c> / <c>Kernel.GetPasswordAsync</c>; IPython: <c>input()</c> / <c>getpass()</c>.
/// <c>Console.ReadLine()</c> also prompts, without a prompt text. Front-ends that do not accept input (the execute request's
/// <c>allow_stdin</c> is false, as with nbconvert) make these throw <see cref="InvalidOperationException"/>.
/// </remarks>
public static class JupyterInput
{
    /// <summary>Shows <paramref name="prompt"/> and returns the line the user types.</summary>
    /// <exception cref="InvalidOperationException">Not inside a cell of the Jupyter kernel, or the front-end does not accept input.</exception>
    public static string GetInput(string prompt = "") => Bridge().ReadLine(prompt ?? string.Empty, password: false);

    /// <summary>Shows <paramref name="prompt"/> and returns what the user types in a masked field.</summary>
    /// <exception cref="InvalidOperationException">Not inside a cell of the Jupyter kernel, or the front-end does not accept input.</exception>
    public static string GetPassword(string prompt = "") => Bridge().ReadLine(prompt ?? string.Empty, password: true);

    private static StdinBridge Bridge() => StdinBridge.Current
        ?? throw new InvalidOperationException("JupyterInput needs the Kiln Jupyter kernel; this code is not running inside it.");
}
