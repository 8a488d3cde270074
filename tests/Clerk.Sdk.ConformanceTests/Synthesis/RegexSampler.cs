using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Clerk.Sdk.ConformanceTests.Synthesis;

/// <summary>
/// Writes a string that matches a regular expression, for the subset Clerk's spec uses: anchors, groups (also
/// <c>(?:</c>) with alternation, <c>[..]</c> classes with ranges and negation, <c>\w \d \s \S</c>, <c>.</c>, and the
/// quantifiers <c>{n} {n,m} {n,} + * ?</c>. The first alternative is taken; open quantifiers repeat
/// <c>minimum + stretch</c> times. Every result is checked with .NET's own Regex, so a pattern outside the subset
/// fails loudly instead of producing a wrong value.
/// </summary>
internal sealed class RegexSampler
{
    private const string Pool = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-.@:/+=!~*'()$,;?#&%";

    private readonly string _pattern;
    private readonly int _stretch;
    private int _index;
    private int _counter;

    private RegexSampler(string pattern, int stretch)
    {
        _pattern = pattern;
        _stretch = stretch;
    }

    /// <summary>A string matching <paramref name="pattern"/>, at least <paramref name="minLength"/> long when the pattern allows it.</summary>
    public static string Sample(string pattern, int minLength = 0)
    {
        for (var stretch = 0; stretch <= 64; stretch++)
        {
            var sampler = new RegexSampler(pattern, stretch);
            var text = sampler.Alternation();
            if (sampler._index != pattern.Length)
            {
                throw new NotSupportedException($"Regex sampler stopped at {sampler._index} of /{pattern}/");
            }
            // Prism checks patterns with JavaScript regular expressions: ECMAScript semantics (\w is ASCII).
            if (!Regex.IsMatch(text, pattern, RegexOptions.ECMAScript))
            {
                throw new NotSupportedException($"Regex sampler wrote '{text}', which does not match /{pattern}/; extend RegexSampler");
            }
            if (text.Length >= minLength) return text;
        }
        throw new NotSupportedException($"No sample of /{pattern}/ reaches minLength {minLength}");
    }

    private char? Peek => _index < _pattern.Length ? _pattern[_index] : null;

    private string Alternation()
    {
        var first = Sequence();
        while (Peek == '|')
        {
            _index++;
            Sequence(); // Parsed to move on; the first alternative is the sample.
        }
        return first;
    }

    private string Sequence()
    {
        var builder = new StringBuilder();
        while (Peek is { } c && c != '|' && c != ')')
        {
            var atomStart = _index;
            var one = Atom();
            var (min, max) = Quantifier();
            var afterQuantifier = _index;
            var count = max is null ? min + _stretch : min == 0 ? Math.Min(1, max.Value) : min;
            for (var i = 0; i < count; i++)
            {
                if (i == 0)
                {
                    builder.Append(one);
                    continue;
                }
                _index = atomStart;
                builder.Append(Atom());
            }
            _index = afterQuantifier;
        }
        return builder.ToString();
    }

    private string Atom()
    {
        var c = _pattern[_index++];
        switch (c)
        {
            case '^':
            case '$':
                return "";
            case '(':
                if (Peek == '?')
                {
                    if (_index + 1 >= _pattern.Length || _pattern[_index + 1] != ':') throw new NotSupportedException($"Only (?: groups are supported in /{_pattern}/");
                    _index += 2;
                }
                var inner = Alternation();
                Expect(')');
                return inner;
            case '[':
                return Pick(Class());
            case '.':
                return Pick(ch => ch != '\n');
            case '\\':
                var escaped = _pattern[_index++];
                return Shorthand(escaped) is { } predicate ? Pick(predicate) : escaped == 'b' ? "" : escaped.ToString();
            default:
                return c.ToString();
        }
    }

    private (int Min, int? Max) Quantifier()
    {
        (int, int?) result;
        switch (Peek)
        {
            case '*':
                _index++;
                result = (0, null);
                break;
            case '+':
                _index++;
                result = (1, null);
                break;
            case '?':
                _index++;
                result = (0, 1);
                break;
            case '{':
                var close = _pattern.IndexOf('}', _index);
                var parts = _pattern[(_index + 1)..close].Split(',');
                _index = close + 1;
                var min = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                result = parts.Length == 1 ? (min, min) : parts[1].Length == 0 ? (min, null) : (min, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                return (1, 1);
        }
        if (Peek == '?') _index++; // Lazy quantifiers match the same strings.
        return result;
    }

    private Func<char, bool> Class()
    {
        var negated = Peek == '^';
        if (negated) _index++;
        var members = new List<Func<char, bool>>();
        var first = true;
        while (Peek is { } c && (c != ']' || first))
        {
            first = false;
            _index++;
            if (c == '\\')
            {
                var escaped = _pattern[_index++];
                members.Add(Shorthand(escaped) ?? (ch => ch == escaped));
                continue;
            }
            if (Peek == '-' && _index + 1 < _pattern.Length && _pattern[_index + 1] != ']')
            {
                var to = _pattern[_index + 1];
                _index += 2;
                members.Add(ch => ch >= c && ch <= to);
                continue;
            }
            members.Add(ch => ch == c);
        }
        Expect(']');
        return negated ? ch => !members.Any(m => m(ch)) : ch => members.Any(m => m(ch));
    }

    private static Func<char, bool>? Shorthand(char escaped) => escaped switch
    {
        'w' => ch => char.IsAsciiLetterOrDigit(ch) || ch == '_',
        'W' => ch => !(char.IsAsciiLetterOrDigit(ch) || ch == '_'),
        'd' => char.IsAsciiDigit,
        'D' => ch => !char.IsAsciiDigit(ch),
        's' => ch => ch == ' ',
        'S' => ch => !char.IsWhiteSpace(ch),
        _ => null,
    };

    private string Pick(Func<char, bool> allowed)
    {
        var candidates = Pool.Where(allowed).ToList();
        if (candidates.Count == 0) throw new NotSupportedException($"No sample character for a class in /{_pattern}/");
        return candidates[_counter++ % candidates.Count].ToString();
    }

    private void Expect(char c)
    {
        if (Peek != c) throw new NotSupportedException($"Expected '{c}' at {_index} of /{_pattern}/");
        _index++;
    }
}
