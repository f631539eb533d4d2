using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Kiln.Kernel.Execution;

/// <summary>The objects of the submissions that ran, which hold the cells' variables, and the runs of new submissions.</summary>
/// <remarks>
/// Roslyn compiles each submission to a class with a static <c>&lt;Factory&gt;(object[] submissionArray)</c>: it creates the
/// submission's object, stores it in the array at the submission's slot (slot 0 is for a globals object, which Kiln does
/// not use), takes the earlier submissions' objects from the array, and runs the cell's code. The array is shared by a
/// kernel's submissions, and a stopped cell's slot is taken by the next one. Reading variables is safe while a cell runs.
/// </remarks>
internal sealed class SubmissionStates
{
    private object?[] _slots = new object?[8];

    /// <summary>Runs a loaded submission's code, and returns its value (null without one) or what it threw.</summary>
    /// <param name="compilation">The submission's compilation.</param>
    /// <param name="assembly">Its assembly, loaded.</param>
    public async Task<SubmissionOutcome> RunAsync(Compilation compilation, Assembly assembly)
    {
        var entryPoint = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("A submission with code has no entry point.");
        var factory = assembly.GetType(entryPoint.ContainingType.MetadataName, throwOnError: true)!
            .GetMethod(entryPoint.MetadataName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object?[], Task<object?>>>();
        var slot = SubmissionCompiler.ChainLength(compilation); // at most; a submission without code takes no slot
        if (_slots.Length <= slot)
        {
            var slots = _slots;
            Array.Resize(ref slots, Math.Max(slots.Length * 2, slot + 1));
            Volatile.Write(ref _slots, slots);
        }

        try
        {
            return new SubmissionOutcome(await factory(_slots).ConfigureAwait(false), null);
        }
        catch (Exception e)
        {
            return new SubmissionOutcome(null, e);
        }
    }

    /// <summary>Returns the cells' variables in declaration order: public fields of each submission's object, earlier cells first.</summary>
    public IReadOnlyList<(string Name, Type Type, object? Value)> Variables()
    {
        var variables = new List<(string, Type, object?)>();
        foreach (var submission in Volatile.Read(ref _slots).Skip(1).OfType<object>())
        {
            foreach (var field in submission.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (char.IsLetter(field.Name[0]) || field.Name[0] == '_')
                {
                    variables.Add((field.Name, field.FieldType, field.GetValue(submission)));
                }
            }
        }

        return variables;
    }
}

/// <summary>What a submission's code produced: its value (null without one), or the exception it threw.</summary>
internal readonly record struct SubmissionOutcome(object? Value, Exception? Exception);
