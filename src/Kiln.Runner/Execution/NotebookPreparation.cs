using System.Text.Json.Nodes;
using Kiln.Notebooks;
using Kiln.Runner.Parameters;

namespace Kiln.Runner.Execution;

/// <summary>Prepares a loaded notebook for a run: clears old outputs and injects parameters as papermill does.</summary>
internal static class NotebookPreparation
{
    /// <summary>Resets code cells and inserts the <c>injected-parameters</c> cell; returns the defaults and the given values as JSON.</summary>
    /// <exception cref="ParameterException">A parameter is unknown or cannot convert, or the notebook has no parameters cell.</exception>
    public static (JsonObject Defaults, JsonObject Given) Prepare(NotebookDocument document, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        for (var i = document.Cells.Count - 1; i >= 0; i--)
        {
            if (CellPolicy.HasTag(document.Cells[i], ParameterInjector.InjectedTag))
            {
                document.Cells.RemoveAt(i);
            }
        }

        foreach (var cell in document.Cells.Where(c => c.IsCode))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        var parametersIndex = FindIndex(document.Cells, c => c.IsCode && CellPolicy.HasTag(c, ParameterInjector.ParametersTag));
        var declarations = parametersIndex >= 0 ? ParameterCellParser.Parse(document.Cells[parametersIndex].Source) : [];
        var defaults = new JsonObject();
        foreach (var declaration in declarations)
        {
            defaults[declaration.Name] = declaration.DefaultText;
        }

        var given = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            given[name] = value?.DeepClone();
        }

        if (parameters.Count == 0)
        {
            return (defaults, given);
        }

        if (parametersIndex < 0)
        {
            throw new ParameterException(
                $"Parameters were given ({string.Join(", ", parameters.Keys)}), but the notebook has no code cell tagged 'parameters'. " +
                "Tag the cell that declares the defaults with 'parameters'.");
        }

        var injected = NotebookCell.Code(ParameterInjector.BuildSource(declarations, parameters));
        injected.Id = CellIds.NewId();
        injected.Metadata["tags"] = new JsonArray(ParameterInjector.InjectedTag);
        document.Cells.Insert(parametersIndex + 1, injected);
        return (defaults, given);
    }

    private static int FindIndex(IList<NotebookCell> cells, Func<NotebookCell, bool> predicate)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (predicate(cells[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
