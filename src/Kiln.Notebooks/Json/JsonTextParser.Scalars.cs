using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Notebooks.Json;

/// <summary>Scalars: strings with escapes, numbers kept as their original text, and literals.</summary>
internal sealed partial class JsonTextParser
{
    private string ParseString()
    {
        var openingQuote = Here;
        _pos++;
        StringBuilder? sb = null;
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(openingQuote, "unterminated string");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                var tail = _text.AsSpan(runStart, _pos - runStart);
                _pos++;
                return sb is null ? tail.ToString() : sb.Append(tail).ToString();
            }

            if (c < ' ')
            {
                throw Error($"invalid control character U+{(int)c:X4} inside a string (unterminated string or unescaped newline?)");
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(_text, runStart, _pos - runStart);
            _pos++;
            sb.Append(ParseEscape());
            runStart = _pos;
        }
    }

    private char ParseEscape()
    {
        if (_pos >= _text.Length)
        {
            throw Error("unterminated string");
        }

        var e = _text[_pos++];
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_pos + 4 > _text.Length
                    || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    _pos--;
                    throw Error("invalid \\u escape, expected four hex digits");
                }

                _pos += 4;
                return (char)code;
            default:
                _pos--;
                throw Error($"invalid escape '\\{e}' in a string");
        }
    }

    private JsonValue ParseNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
            if (Peek() == 'I')
            {
                ParseLiteral("Infinity", null);
                return JsonValue.Create(double.NegativeInfinity);
            }
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (!ReadDigits())
        {
            throw Error("invalid number, expected a digit");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!ReadDigits())
            {
                throw Error("invalid number, expected a digit after '.'");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!ReadDigits())
            {
                throw Error("invalid number, expected a digit in the exponent");
            }
        }

        var raw = _text[start.._pos];
        return JsonValue.Create(JsonElement.Parse(raw))!;
    }

    private bool ReadDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }

        return _pos > start;
    }

    private JsonValue? ParseLiteral(string literal, JsonValue? value)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error($"unexpected '{_text[_pos]}', expected a JSON value");
        }

        _pos += literal.Length;
        return value;
    }
}
