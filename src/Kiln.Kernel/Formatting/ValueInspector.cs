using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;

namespace Kiln.Kernel.Formatting;

/// <summary>Reflection helpers shared by the default formatters: scalars, members, sequences and type names.</summary>
internal static class ValueInspector
{
    /// <summary>Returns whether values of <paramref name="type"/> are shown as a single piece of text.</summary>
    public static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive
            || type.IsEnum
            || type == typeof(string)
            || type == typeof(decimal)
            || type == typeof(DateTime)
            || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly)
            || type == typeof(TimeOnly)
            || type == typeof(TimeSpan)
            || type == typeof(Guid)
            || type == typeof(BigInteger)
            || type == typeof(Half)
            || type == typeof(Uri)
            || type == typeof(Version)
            || typeof(Type).IsAssignableFrom(type);
    }

    /// <summary>Returns whether <paramref name="value"/> should be shown as a collection.</summary>
    public static bool IsSequence(object value) => value is IEnumerable and not string;

    /// <summary>Returns the text of a scalar, culture-invariant and round-trippable where that applies.</summary>
    public static string ScalarText(object value) => value switch
    {
        string text => text,
        DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dateTimeOffset => dateTimeOffset.ToString("O", CultureInfo.InvariantCulture),
        Type type => TypeName(type),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Returns the first <paramref name="limit"/> items and the count of the rest (-1 when it is unknown).</summary>
    public static (List<object?> Items, int Remaining) Take(IEnumerable sequence, int limit)
    {
        var items = new List<object?>();
        var enumerator = sequence.GetEnumerator();
        try
        {
            while (items.Count < limit && enumerator.MoveNext())
            {
                items.Add(enumerator.Current);
            }

            if (items.Count < limit)
            {
                return (items, 0);
            }

            return sequence switch
            {
                ICollection collection => (items, collection.Count - items.Count),
                _ when CountOf(sequence) is { } count => (items, count - items.Count),
                _ => (items, enumerator.MoveNext() ? -1 : 0),
            };
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }

    /// <summary>Returns the public instance properties and fields of <paramref name="type"/> that can be read.</summary>
    public static IReadOnlyList<MemberInfo> Members(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic
                && !(p.Name == "EqualityContract" && p.PropertyType == typeof(Type)))
            .Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance))];

    /// <summary>Reads a member, returning a readable placeholder when the getter throws.</summary>
    public static object? Read(MemberInfo member, object target)
    {
        try
        {
            return member switch
            {
                PropertyInfo property => property.GetValue(target),
                FieldInfo field => field.GetValue(target),
                _ => null,
            };
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            return $"<{inner.GetType().Name}: {inner.Message}>";
        }
    }

    /// <summary>Returns whether the type declares its own ToString (records, anonymous types, tuples do).</summary>
    public static bool OverridesToString(Type type)
    {
        var method = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && method.DeclaringType != typeof(object) && method.DeclaringType != typeof(ValueType);
    }

    /// <summary>Returns a C#-style name: <c>List&lt;int&gt;</c>, <c>Person</c> (without the script's <c>Submission#N+</c>).</summary>
    public static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (!type.IsEnum && Keyword(type) is { } keyword)
        {
            return keyword;
        }

        var name = type.Name;
        if (name.StartsWith("<>f__AnonymousType", StringComparison.Ordinal))
        {
            return "(anonymous)";
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (!type.IsGenericType || tick < 0)
        {
            return name;
        }

        var builder = new StringBuilder(name[..tick]).Append('<');
        builder.AppendJoin(", ", type.GetGenericArguments().Select(TypeName));
        return builder.Append('>').ToString();
    }

    private static int? CountOf(IEnumerable sequence)
    {
        foreach (var implemented in sequence.GetType().GetInterfaces())
        {
            if (implemented.IsGenericType
                && (implemented.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>)
                    || implemented.GetGenericTypeDefinition() == typeof(ICollection<>)))
            {
                return (int?)implemented.GetProperty("Count")!.GetValue(sequence);
            }
        }

        return null;
    }

    private static string? Keyword(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Byte => "byte",
        TypeCode.SByte => "sbyte",
        TypeCode.Char => "char",
        TypeCode.Int16 => "short",
        TypeCode.UInt16 => "ushort",
        TypeCode.Int32 => "int",
        TypeCode.UInt32 => "uint",
        TypeCode.Int64 => "long",
        TypeCode.UInt64 => "ulong",
        TypeCode.Single => "float",
        TypeCode.Double => "double",
        TypeCode.Decimal => "decimal",
        TypeCode.String => "string",
        _ => type == typeof(object) ? "object" : null,
    };
}
