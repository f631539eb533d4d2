using Kiln.Display;

namespace Kiln.Kernel.Formatting;

/// <summary>Turns values into MIME bundles: user registrations first, then Kiln's defaults.</summary>
/// <remarks>
/// Polyglot Notebooks: <c>Microsoft.DotNet.Interactive.Formatting.Formatter</c>. Defaults: <see cref="IDisplayable"/>
/// values render themselves; scalars, strings, dates and enums are <c>text/plain</c> only; collections and other
/// objects are an HTML table plus plain text. Every bundle carries <c>text/plain</c>. The registry is process-wide.
/// </remarks>
public static partial class Formatter
{
    /// <summary>The default number of collection items shown before a "(N more)" row.</summary>
    public const int DefaultListExpansionLimit = 20;

    /// <summary>The default depth to which nested objects are expanded.</summary>
    public const int DefaultRecursionLimit = 6;

    private static readonly Lock Gate = new();
    private static readonly List<Registration> Registrations = [];
    private static readonly Dictionary<Type, string[]> PreferredMimeTypes = [];
    private static long s_order;

    /// <summary>How many items of a collection are shown before the "(N more)" row.</summary>
    /// <remarks>Default 20, as Polyglot's <c>Formatter.ListExpansionLimit</c>.</remarks>
    public static int ListExpansionLimit { get; set; } = DefaultListExpansionLimit;

    /// <summary>How deep nested objects are expanded before they are shown by their type name only.</summary>
    /// <remarks>Default 6, as Polyglot's <c>Formatter.RecursionLimit</c>; it also stops cycles.</remarks>
    public static int RecursionLimit { get; set; } = DefaultRecursionLimit;

    /// <summary>The text shown for null.</summary>
    public static string NullString { get; set; } = "<null>";

    /// <summary>Registers a formatter for values of <typeparamref name="T"/> (and types derived from it).</summary>
    /// <param name="format">Renders a value as text of <paramref name="mimeType"/>; HTML must already be encoded.</param>
    /// <param name="mimeType">The MIME type produced; HTML by default.</param>
    public static void Register<T>(Func<T, string> format, string mimeType = MimeTypes.Html)
    {
        ArgumentNullException.ThrowIfNull(format);
        Register(typeof(T), value => format((T)value), mimeType);
    }

    /// <summary>Registers a formatter for <paramref name="type"/>, which may be an open generic such as <c>typeof(List&lt;&gt;)</c>.</summary>
    /// <param name="type">The type handled, including derived types and, for an open generic, all its constructions.</param>
    /// <param name="format">Renders a value as text of <paramref name="mimeType"/>; HTML must already be encoded.</param>
    /// <param name="mimeType">The MIME type produced; HTML by default.</param>
    public static void Register(Type type, Func<object, string> format, string mimeType = MimeTypes.Html)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        lock (Gate)
        {
            Registrations.Add(new Registration(type, mimeType, format, ++s_order));
        }
    }

    /// <summary>Sets the MIME types produced for values of <paramref name="type"/> (and derived types), richest first.</summary>
    /// <remarks><c>text/plain</c> is always added as a fallback.</remarks>
    public static void SetPreferredMimeTypesFor(Type type, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(mimeTypes);
        if (mimeTypes.Length == 0)
        {
            throw new ArgumentException("Pass at least one MIME type, for example \"text/html\".", nameof(mimeTypes));
        }

        lock (Gate)
        {
            PreferredMimeTypes[type] = [.. mimeTypes];
        }
    }

    /// <summary>Returns the MIME types a value of <paramref name="type"/> is rendered in, richest first.</summary>
    public static IReadOnlyList<string> GetPreferredMimeTypesFor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (Gate)
        {
            if (FindPreferred(type) is { } preferred)
            {
                return WithPlainText(preferred);
            }

            var registered = Registrations
                .Where(r => Matches(r.Type, type) >= 0)
                .Select(r => r.MimeType)
                .Distinct(StringComparer.Ordinal);
            var defaults = ValueInspector.IsScalar(type) || typeof(Exception).IsAssignableFrom(type)
                ? [MimeTypes.PlainText]
                : new[] { MimeTypes.Html, MimeTypes.PlainText };
            return WithPlainText([.. registered.Concat(defaults).Distinct(StringComparer.Ordinal)]);
        }
    }

    /// <summary>Removes every user registration and preference and restores the default limits.</summary>
    public static void ResetToDefault()
    {
        lock (Gate)
        {
            Registrations.Clear();
            PreferredMimeTypes.Clear();
        }

        ListExpansionLimit = DefaultListExpansionLimit;
        RecursionLimit = DefaultRecursionLimit;
        NullString = "<null>";
    }

    /// <summary>Renders <paramref name="value"/> as a bundle, in the requested MIME types or the preferred ones.</summary>
    /// <param name="value">The value to render.</param>
    /// <param name="mimeTypes">The MIME types wanted; empty for the type's preferred ones. <c>text/plain</c> is always added.</param>
    public static MimeBundle Format(object? value, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(mimeTypes);
        if (value is null)
        {
            return MimeBundle.FromText(NullString);
        }

        var type = value.GetType();
        var wanted = mimeTypes.Length > 0 ? WithPlainText(mimeTypes) : GetPreferredMimeTypesFor(type);
        MimeBundle? own = null;
        if (value is IDisplayable displayable && !HasUserFormatter(type))
        {
            own = displayable.ToMimeBundle();
            if (mimeTypes.Length == 0)
            {
                EnsurePlainText(own, value);
                return own;
            }
        }

        var bundle = new MimeBundle();
        foreach (var mimeType in wanted)
        {
            if (own?.GetText(mimeType) is { } ownText)
            {
                bundle.Add(mimeType, ownText);
            }
            else if (own?.GetJson(mimeType) is { } ownJson)
            {
                bundle.Add(mimeType, ownJson.DeepClone());
            }
            else if (FormatOne(value, type, mimeType) is { } text)
            {
                AddText(bundle, mimeType, text);
            }
        }

        EnsurePlainText(bundle, value);
        return bundle;
    }

    /// <summary>Renders <paramref name="value"/> as text of one MIME type, plain text by default.</summary>
    public static string ToDisplayString(object? value, string mimeType = MimeTypes.PlainText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        var bundle = Format(value, mimeType);
        return bundle.GetText(mimeType) ?? bundle.GetJson(mimeType)?.ToJsonString() ?? bundle.GetText(MimeTypes.PlainText)!;
    }

    private static IReadOnlyList<string> WithPlainText(IEnumerable<string> mimeTypes) =>
        [.. mimeTypes.Append(MimeTypes.PlainText).Distinct(StringComparer.Ordinal)];

    private static void EnsurePlainText(MimeBundle bundle, object value)
    {
        if (!bundle.Contains(MimeTypes.PlainText))
        {
            bundle.Add(MimeTypes.PlainText, PlainTextFormatter.Format(value));
        }
    }

    private static void AddText(MimeBundle bundle, string mimeType, string text)
    {
        if (MimeTypes.IsJson(mimeType))
        {
            bundle.Add(mimeType, System.Text.Json.Nodes.JsonNode.Parse(text)!);
        }
        else
        {
            bundle.Add(mimeType, text);
        }
    }
}
