using System.Text.Json.Nodes;

namespace Kiln.Notebooks.Json;

/// <summary>Parses JSON text into <see cref="JsonNode"/>s, remembering where each value starts.</summary>
/// <remarks>
/// Lenient like Python's <c>json.loads</c>: accepts <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>, lets a later
/// duplicate key win, and keeps every number's original text so it can be written back unchanged.
/// </remarks>
internal sealed partial class JsonTextParser
{
    private const int MaxDepth = 512;

    private readonly string _text;
    private readonly string _sourceName;
    private readonly JsonPositions _positions = new();
    private int _pos;
    private int _line;
    private int _lineStart;

    private JsonTextParser(string text, string sourceName, int firstLine)
    {
        _text = text;
        _sourceName = sourceName;
        _line = firstLine;
    }

    /// <summary>Parses <paramref name="text"/> and returns the root value with the positions of all values.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="sourceName">The file name for error messages.</param>
    /// <param name="firstLine">The line number of the text's first line within its file.</param>
    public static (JsonNode? Root, JsonPositions Positions) Parse(string text, string sourceName, int firstLine = 1)
    {
        var parser = new JsonTextParser(text, sourceName, firstLine);
        if (parser._pos < text.Length && text[0] == '\uFEFF')
        {
            parser._pos = 1;
            parser._lineStart = 1;
        }

        parser.SkipWhitespace();
        if (parser._pos >= text.Length)
        {
            throw parser.Error("expected a JSON value but the text is empty");
        }

        var root = parser.ParseValue(0, out _);
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._pos]}' after the end of the JSON document");
        }

        return (root, parser._positions);
    }

    private SourcePosition Here => new(_line, _pos - _lineStart + 1);

    private JsonNode? ParseValue(int depth, out SourcePosition start)
    {
        SkipWhitespace();
        start = Here;
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text, expected a JSON value");
        }

        if (depth > MaxDepth)
        {
            throw Error($"JSON nested deeper than {MaxDepth} levels");
        }

        var c = _text[_pos];
        JsonNode? node = c switch
        {
            '{' => ParseObject(depth),
            '[' => ParseArray(depth),
            '"' => JsonValue.Create(ParseString()),
            't' => ParseLiteral("true", JsonValue.Create(true)),
            'f' => ParseLiteral("false", JsonValue.Create(false)),
            'n' => ParseLiteral("null", null),
            'N' => ParseLiteral("NaN", JsonValue.Create(double.NaN)),
            'I' => ParseLiteral("Infinity", JsonValue.Create(double.PositiveInfinity)),
            _ when c == '-' || (c >= '0' && c <= '9') => ParseNumber(),
            _ => throw Error($"unexpected '{c}', expected a JSON value"),
        };
        if (node is not null)
        {
            _positions.SetNode(node, start);
        }

        return node;
    }

    private JsonObject ParseObject(int depth)
    {
        var obj = new JsonObject();
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return obj;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            var key = ParseString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error($"expected ':' after property name \"{key}\"");
            }

            _pos++;
            var value = ParseValue(depth + 1, out var valueStart);
            obj[key] = value;
            _positions.SetProperty(obj, key, valueStart);
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == '}')
            {
                _pos++;
                return obj;
            }

            throw Error("expected ',' or '}' after a property value");
        }
    }

    private JsonArray ParseArray(int depth)
    {
        var array = new JsonArray();
        _pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return array;
        }

        while (true)
        {
            array.Add(ParseValue(depth + 1, out _));
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == ']')
            {
                _pos++;
                return array;
            }

            throw Error("expected ',' or ']' after an array element");
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            else if (c is not (' ' or '\t' or '\r'))
            {
                return;
            }

            _pos++;
        }
    }

    private NotebookFormatException Error(string what) => Error(Here, what);

    private NotebookFormatException Error(SourcePosition at, string what) =>
        new(_sourceName, at.Line, at.Column, $"invalid JSON: {what}");
}
