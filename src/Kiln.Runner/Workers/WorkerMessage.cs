using System.Text.Json.Nodes;

namespace Kiln.Runner.Workers;

/// <summary>One line of the JSON-lines protocol between the runner and a worker process.</summary>
/// <remarks>
/// Runner to worker: <c>execute</c> (Id, Code), <c>shutdown</c>.
/// Worker to runner: <c>ready</c>; per execution <c>stream</c> (Name, Text), <c>display</c> and <c>update</c>
/// (Data, Metadata, DisplayId), <c>result</c> (Data, Metadata), <c>error</c> (EName, EValue, Traceback), then one
/// <c>done</c> (Status, ExecutionCount).
/// </remarks>
public sealed record WorkerMessage
{
    /// <summary>The message type.</summary>
    public required string Type { get; init; }

    /// <summary>The execution this message belongs to.</summary>
    public int Id { get; init; }

    /// <summary>The code to execute (<c>execute</c>).</summary>
    public string? Code { get; init; }

    /// <summary>The stream name, <c>stdout</c> or <c>stderr</c> (<c>stream</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The streamed text (<c>stream</c>).</summary>
    public string? Text { get; init; }

    /// <summary>The MIME bundle's data (<c>display</c>, <c>update</c>, <c>result</c>).</summary>
    public JsonObject? Data { get; init; }

    /// <summary>The MIME bundle's metadata (<c>display</c>, <c>update</c>, <c>result</c>).</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>The display id for in-place updates (<c>display</c>, <c>update</c>).</summary>
    public string? DisplayId { get; init; }

    /// <summary>The error name (<c>error</c>).</summary>
    public string? EName { get; init; }

    /// <summary>The error message (<c>error</c>).</summary>
    public string? EValue { get; init; }

    /// <summary>The trace lines (<c>error</c>).</summary>
    public IReadOnlyList<string>? Traceback { get; init; }

    /// <summary>How the execution ended, <c>ok</c>, <c>error</c> or <c>cancelled</c> (<c>done</c>).</summary>
    public string? Status { get; init; }

    /// <summary>The kernel's execution count for the cell (<c>done</c>).</summary>
    public int? ExecutionCount { get; init; }
}
