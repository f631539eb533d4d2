using Kiln.Display;
using Kiln.Kernel.Events;
using Kiln.Kernel.Execution;
using Kiln.Kernel.Formatting;
using Microsoft.CodeAnalysis.Scripting;

namespace Kiln.Kernel;

public sealed partial class CSharpKernel
{
    private async Task<SubmissionStatus> RunCodeAsync(string code, SubmissionContext context, CancellationToken ct)
    {
        SubmissionContext.Current = context;
        DisplaySession.Current = context.DisplayChannel;
        CompiledSubmission? submission = null;
        var accepted = false;
        try
        {
            // Compiles and loads the cell; a compile error throws CompilationErrorException.
            Func<Task<SubmissionOutcome>>? run = null;
            Action compile = () =>
            {
                submission = _compiler.Compile(code, ErrorReporter.CellFileName(context.ExecutionCount), ct);
                _symbols.Register(submission.Compilation);
                run = Load(submission, _states);
            };
            // With hard stops, the compile runs before the abortable part, so that a stop can only abort the cell's own
            // code, never Roslyn. A token that can never fire needs no abortable thread. Without hard stops, the compile
            // is awaited to its end even when cancelled, so that it never overlaps the next cell's compile.
            SubmissionOutcome outcome;
            if (_options.HardStopOnCancel && ct.CanBeCanceled)
            {
                outcome = await CellThread.RunAsync(compile, () => run!().GetAwaiter().GetResult(), ct).ConfigureAwait(false);
            }
            else
            {
                await Task.Run(compile, ct).ConfigureAwait(false);
                outcome = await Task.Run(run!, ct).WaitAsync(ct).ConfigureAwait(false);
            }

            // A cell that ran, even one that threw, is part of the chain: the next cell sees what it declared.
            _compiler.Accept(submission!);
            accepted = true;
            if (outcome.Exception is { } exception)
            {
                if (exception is OperationCanceledException && ct.IsCancellationRequested)
                {
                    ErrorReporter.PublishCancelled(context, hardStopped: false);
                    return SubmissionStatus.Cancelled;
                }

                ErrorReporter.PublishException(context, exception, _symbols);
                return SubmissionStatus.Failed;
            }

            if (ReturnValueDetector.HasReturnValue(submission!.Compilation))
            {
                context.Publish(new ReturnValueProduced(Formatter.Format(outcome.Value)) { ExecutionCount = context.ExecutionCount });
            }

            return SubmissionStatus.Succeeded;
        }
        catch (CompilationErrorException e)
        {
            ErrorReporter.PublishCompilationError(context, e.Diagnostics);
            return SubmissionStatus.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            ErrorReporter.PublishCancelled(context, hardStopped: _options.HardStopOnCancel);
            return SubmissionStatus.Cancelled;
        }
        catch (Exception e)
        {
            // Anything else (a formatter that throws, a failure inside Roslyn) is reported, never thrown: the kernel stays usable.
            ErrorReporter.PublishException(context, e, _symbols);
            return SubmissionStatus.Failed;
        }
        finally
        {
            if (submission is not null && !accepted)
            {
                _compiler.Discard(submission); // stopped: the next cell continues the one before
            }

            DisplaySession.Current = null;
            SubmissionContext.Current = null;
        }
    }

    /// <summary>Loads <paramref name="submission"/>'s assembly, and returns what runs its code with <paramref name="states"/>.</summary>
    private Func<Task<SubmissionOutcome>> Load(CompiledSubmission submission, SubmissionStates states)
    {
        if (submission.Image is not { } image)
        {
            return static () => Task.FromResult(new SubmissionOutcome(null, null));
        }

        var assembly = _loadContext.LoadSubmission(image);
        return () => states.RunAsync(submission.Compilation, assembly);
    }
}
