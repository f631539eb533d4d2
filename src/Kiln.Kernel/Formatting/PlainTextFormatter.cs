using System.Collections;
using System.Text;
using Kiln.Display;

namespace Kiln.Kernel.Formatting;

/// <summary>The default <c>text/plain</c> rendering: scalars as text, sequences as <c>[ 1, 2 ... (N more) ]</c>, objects as a property list.</summary>
internal static class PlainTextFormatter
{
    /// <summary>Renders <paramref name="value"/> as plain text (several lines for objects without their own ToString).</summary>
    public static string Format(object? value)
    {
        if (value is null || ValueInspector.IsScalar(value.GetType()) || value is IDisplayable or Exception || ValueInspector.IsSequence(value))
        {
            return Inline(value, 0);
        }

        var type = value.GetType();
        if (ValueInspector.OverridesToString(type))
        {
            return value.ToString() ?? string.Empty;
        }

        var builder = new StringBuilder(ValueInspector.TypeName(type));
        foreach (var member in ValueInspector.Members(type))
        {
            builder.Append('\n').Append("  ").Append(member.Name).Append(": ")
                .Append(Inline(ValueInspector.Read(member, value), 1));
        }

        return builder.ToString();
    }

    /// <summary>Renders <paramref name="value"/> on one line, expanding nested objects up to the recursion limit.</summary>
    public static string Inline(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return Formatter.NullString;
            case IDisplayable displayable:
                return OneLine(DisplaySession.PlainText(displayable));
            case Exception exception:
                return ExceptionText(exception);
        }

        var type = value.GetType();
        if (ValueInspector.IsScalar(type))
        {
            return ValueInspector.ScalarText(value);
        }

        if (depth > 0 && Formatter.FormatNested(value, MimeTypes.PlainText) is { } custom)
        {
            return OneLine(custom);
        }

        if (depth >= Formatter.RecursionLimit)
        {
            return ValueInspector.TypeName(type);
        }

        if (value is IEnumerable sequence and not string)
        {
            return SequenceText(sequence, depth);
        }

        if (ValueInspector.OverridesToString(type))
        {
            return OneLine(value.ToString() ?? string.Empty);
        }

        var members = ValueInspector.Members(type);
        return ValueInspector.TypeName(type) + " { "
            + string.Join(", ", members.Select(m => m.Name + ": " + Inline(ValueInspector.Read(m, value), depth + 1)))
            + (members.Count > 0 ? " }" : "}");
    }

    /// <summary>Renders an exception as <c>Type: message</c>, followed by its inner exceptions.</summary>
    public static string ExceptionText(Exception exception)
    {
        var builder = new StringBuilder();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (builder.Length > 0)
            {
                builder.Append(" ---> ");
            }

            builder.Append(current.GetType().FullName).Append(": ").Append(current.Message);
        }

        return builder.ToString();
    }

    private static string SequenceText(IEnumerable sequence, int depth)
    {
        var (items, remaining) = ValueInspector.Take(sequence, Formatter.ListExpansionLimit);
        var builder = new StringBuilder("[ ");
        builder.AppendJoin(", ", items.Select(item => Inline(item, depth + 1)));
        if (remaining > 0)
        {
            builder.Append(" ... (").Append(remaining).Append(" more)");
        }
        else if (remaining < 0)
        {
            builder.Append(" ... (more)");
        }

        return builder.Append(items.Count > 0 || remaining != 0 ? " ]" : "]").ToString();
    }

    private static string OneLine(string text) => text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
}
