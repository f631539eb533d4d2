using System.Text.Json;
using Kiln.Display;

namespace Kiln.Kernel.Formatting;

public static partial class Formatter
{
    private static string? FormatOne(object value, Type type, string mimeType)
    {
        if (FindFormatter(type, mimeType) is { } registration)
        {
            return registration.Format(value);
        }

        return mimeType switch
        {
            MimeTypes.PlainText => PlainTextFormatter.Format(value),
            MimeTypes.Html => HtmlFormatter.Format(value),
            MimeTypes.Json => JsonSerializer.Serialize(value, value.GetType()),
            _ => null,
        };
    }

    /// <summary>Formats a value nested in a collection or object with a user formatter, or returns null when there is none.</summary>
    internal static string? FormatNested(object value, string mimeType) =>
        FindFormatter(value.GetType(), mimeType) is { } registration ? registration.Format(value) : null;

    private static bool HasUserFormatter(Type type)
    {
        lock (Gate)
        {
            return Registrations.Exists(r => Matches(r.Type, type) >= 0);
        }
    }

    private static Registration? FindFormatter(Type type, string mimeType)
    {
        lock (Gate)
        {
            Registration? best = null;
            var bestDistance = int.MaxValue;
            foreach (var registration in Registrations)
            {
                if (registration.MimeType != mimeType)
                {
                    continue;
                }

                var distance = Matches(registration.Type, type);
                if (distance >= 0 && (distance < bestDistance || (distance == bestDistance && registration.Order > best!.Order)))
                {
                    best = registration;
                    bestDistance = distance;
                }
            }

            return best;
        }
    }

    private static string[]? FindPreferred(Type type)
    {
        string[]? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (registered, mimeTypes) in PreferredMimeTypes)
        {
            var distance = Matches(registered, type);
            if (distance >= 0 && distance < bestDistance)
            {
                best = mimeTypes;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Returns how far <paramref name="type"/> is from <paramref name="registered"/> (0 = same), or -1 when unrelated.</summary>
    /// <remarks>A closed generic beats its open definition; base classes beat interfaces.</remarks>
    private static int Matches(Type registered, Type type)
    {
        var distance = 0;
        for (var current = type; current is not null; current = current.BaseType, distance += 2)
        {
            if (current == registered)
            {
                return distance;
            }

            if (registered.IsGenericTypeDefinition && current.IsGenericType && current.GetGenericTypeDefinition() == registered)
            {
                return distance + 1;
            }
        }

        if (registered.IsInterface)
        {
            foreach (var implemented in type.GetInterfaces())
            {
                if (implemented == registered
                    || (registered.IsGenericTypeDefinition && implemented.IsGenericType && implemented.GetGenericTypeDefinition() == registered))
                {
                    return 1000;
                }
            }
        }

        return registered == typeof(object) ? 2000 : -1;
    }

    private sealed record Registration(Type Type, string MimeType, Func<object, string> Format, long Order);
}
