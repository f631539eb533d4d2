namespace Kiln.Charts;

/// <summary>Whether a chart's notebook HTML carries plotly.js itself (about 4.8 MB) or relies on a page that has it.</summary>
public enum PlotlyInclusion
{
    /// <summary>
    /// The first chart shown in a notebook session inlines plotly.js; later ones use <c>window.Plotly</c> and wait for it
    /// (default). Outside a notebook (<see cref="Kiln.Display.DisplaySession.IsInteractive"/> false) every chart inlines it.
    /// </summary>
    OncePerSession,

    /// <summary>Every chart inlines plotly.js (its evaluation is skipped when the page already has it): bigger, always standalone.</summary>
    Always,

    /// <summary>No chart inlines plotly.js: the page must provide it, for example with <see cref="PlotlyJs.ScriptTag"/> in its head.</summary>
    None,
}
