using Kiln.Display;
using Kiln.Kernel.Events;
using Kiln.Kernel.Execution;
using Kiln.Kernel.Formatting;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Kiln.Kernel;

public sealed partial class CSharpKernel
{
    private static readonly Func<Exception, bool> CatchAll = _ => true;

    private async Task<SubmissionStatus> RunCodeAsync(string code, SubmissionContext context, CancellationToken ct)
    {
        SubmissionContext.Current = context;
        DisplaySession.Current = context.DisplayChannel;
        try
        {
            var previous = _state;
            var options = _scriptOptions.WithFilePath(ErrorReporter.CellFileName(context.ExecutionCount));
            var script = previous is null ? CSharpScript.Create(code, options) : previous.Script.ContinueWith(code, options);
            // Compiles and loads the cell; a compile error throws CompilationErrorException. Unlike Script.Compile, it
            // skips a second full diagnostics pass that would only find warnings, which the kernel does not report.
            Action compile = () =>
            {
                script.CreateDelegate(ct);
                _symbols.Register(script.GetCompilation());
            };
            Func<Task<ScriptState<object>>> run = previous is null
                ? () => script.RunAsync(null, CatchAll, ct)
                : () => script.RunFromAsync(previous, CatchAll, ct);
            // With hard stops, the compile runs before the abortable part, so that a stop can only abort the cell's own
            // code, never Roslyn. A token that can never fire needs no abortable thread. Without hard stops, the compile
            // is awaited to its end even when cancelled, so that it never overlaps the next cell's compile.
            ScriptState<object> state;
            if (_options.HardStopOnCancel && ct.CanBeCanceled)
            {
                state = await CellThread.RunAsync(compile, () => run().GetAwaiter().GetResult(), ct).ConfigureAwait(false);
            }
            else
            {
                await Task.Run(compile, ct).ConfigureAwait(false);
                state = await Task.Run(run, ct).WaitAsync(ct).ConfigureAwait(false);
            }

            _state = state;
            if (state.Exception is { } exception)
            {
                if (exception is OperationCanceledException && ct.IsCancellationRequested)
                {
                    ErrorReporter.PublishCancelled(context, hardStopped: false);
                    return SubmissionStatus.Cancelled;
                }

                ErrorReporter.PublishException(context, exception, _symbols);
                return SubmissionStatus.Failed;
            }

            if (ReturnValueDetector.HasReturnValue(script.GetCompilation()))
            {
                context.Publish(new ReturnValueProduced(Formatter.Format(state.ReturnValue)) { ExecutionCount = context.ExecutionCount });
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
            DisplaySession.Current = null;
            SubmissionContext.Current = null;
        }
    }
}
