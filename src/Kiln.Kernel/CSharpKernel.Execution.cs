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
            // Compile (and load) outside the run, so that a hard stop can only abort the cell's own code, never Roslyn.
            var diagnostics = await Task.Run(() => script.Compile(ct), ct).ConfigureAwait(false);
            if (diagnostics.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            {
                ErrorReporter.PublishCompilationError(context, diagnostics);
                return SubmissionStatus.Failed;
            }

            Func<Task<ScriptState<object>>> run = previous is null
                ? () => script.RunAsync(null, CatchAll, ct)
                : () => script.RunFromAsync(previous, CatchAll, ct);
            var state = _options.HardStopOnCancel
                ? await RunOnAbortableThread(run, ct).ConfigureAwait(false)
                : await Task.Run(run, ct).WaitAsync(ct).ConfigureAwait(false);

            _state = state;
            if (state.Exception is { } exception)
            {
                if (exception is OperationCanceledException && ct.IsCancellationRequested)
                {
                    ErrorReporter.PublishCancelled(context, hardStopped: false);
                    return SubmissionStatus.Cancelled;
                }

                ErrorReporter.PublishException(context, exception);
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
            ErrorReporter.PublishException(context, e);
            return SubmissionStatus.Failed;
        }
        finally
        {
            DisplaySession.Current = null;
            SubmissionContext.Current = null;
        }
    }

    /// <summary>Runs the cell on a dedicated thread that is aborted when <paramref name="ct"/> fires.</summary>
    /// <remarks>
    /// The synchronous part of the cell (and the wait for the rest) runs under <c>ControlledExecution</c>, so
    /// <c>while(true){}</c> stops; code after an <c>await</c> runs on pool threads and can only stop cooperatively.
    /// </remarks>
    private static Task<ScriptState<object>> RunOnAbortableThread(Func<Task<ScriptState<object>>> run, CancellationToken ct)
    {
        var completion = new TaskCompletionSource<ScriptState<object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                // SYSLIB0046: ControlledExecution is obsolete because aborting a thread can leave shared state
                // inconsistent. The kernel accepts that risk to stop a runaway cell without killing the process;
                // it keeps the last good script state and reports the cell as cancelled.
#pragma warning disable SYSLIB0046
                System.Runtime.ControlledExecution.Run(() => completion.TrySetResult(run().GetAwaiter().GetResult()), ct);
#pragma warning restore SYSLIB0046
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                completion.TrySetCanceled(ct);
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "Kiln cell",
        };
        thread.Start();
        return completion.Task;
    }
}
