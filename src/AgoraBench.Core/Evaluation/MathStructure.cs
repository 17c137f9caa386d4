using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// The structure of a normalized math answer (no whitespace): a scalar, an ordered tuple (brackets kept, so an open
/// interval and a point compare alike, as in MATH), a union of intervals, a set <c>\{…\}</c>, a bare comma list (compared
/// as a set, as Math-Verify reads <c>6, 8</c>), or a matrix (<c>pmatrix</c>, <c>bmatrix</c> and <c>matrix</c> alike).
/// Two structures are equal when their kinds, brackets and shapes agree and their elements are pairwise equivalent.
/// </summary>
internal sealed partial record MathStructure(MathStructure.Kind Type, string Text, IReadOnlyList<MathStructure> Items, char Open = ' ', char Close = ' ', int Columns = 0)
{
    /// <summary>The kinds of answer.</summary>
    internal enum Kind
    {
        /// <summary>A single value or expression.</summary>
        Scalar,

        /// <summary>An ordered tuple or an interval, with its brackets.</summary>
        Tuple,

        /// <summary>A union of two or more intervals (order-insensitive).</summary>
        Union,

        /// <summary>A set, or a bare comma-separated list (order-insensitive).</summary>
        Set,

        /// <summary>A matrix, row by row.</summary>
        Matrix,
    }

    /// <summary>Parses a normalized answer.</summary>
    /// <param name="s">The normalized answer (whitespace removed).</param>
    /// <returns>Its structure.</returns>
    public static MathStructure Parse(string s)
    {
        // A LaTeX group around the whole answer is grouping, not a set.
        while (s.Length >= 2 && s[0] == '{' && Matching(s, 0) == s.Length - 1)
        {
            s = s[1..^1];
        }

        if (MatrixPattern().Match(s) is { Success: true } matrix)
        {
            var rows = matrix.Groups["body"].Value.Split("\\\\", StringSplitOptions.RemoveEmptyEntries);
            var cells = rows.Select(r => r.Split('&')).ToArray();
            int columns = cells.Length == 0 ? 0 : cells[0].Length;
            if (cells.Length > 0 && cells.All(r => r.Length == columns))
            {
                return new MathStructure(Kind.Matrix, s, [.. cells.SelectMany(r => r).Select(Parse)], Columns: columns);
            }
        }

        var union = SplitTopLevel(s, "\\cup");
        if (union.Count > 1)
        {
            var parts = union.Select(Parse).ToArray();
            return parts.All(p => p.Type == Kind.Tuple && p.Items.Count == 2)
                ? new MathStructure(Kind.Union, s, parts)
                : new MathStructure(Kind.Scalar, s, []);
        }

        if (s.StartsWith("\\{", StringComparison.Ordinal) && s.EndsWith("\\}", StringComparison.Ordinal) && ClosingSetBrace(s) == s.Length - 2)
        {
            string inner = s[2..^2];
            return new MathStructure(Kind.Set, s, inner.Length == 0 ? [] : [.. SplitTopLevel(inner, ",").Select(Parse)]);
        }

        if (s.Length >= 2 && s[0] is '(' or '[' && s[^1] is ')' or ']' && Matching(s, 0) == s.Length - 1)
        {
            var items = SplitTopLevel(s[1..^1], ",");
            if (items.Count >= 2)
            {
                return new MathStructure(Kind.Tuple, s, [.. items.Select(Parse)], s[0], s[^1]);
            }
        }

        var list = SplitTopLevel(s, ",");
        return list.Count >= 2 && list.All(i => i.Length > 0)
            ? new MathStructure(Kind.Set, s, [.. list.Select(Parse)])
            : new MathStructure(Kind.Scalar, s, []);
    }

    /// <summary>Compares two structures, scalars by <paramref name="scalarEqual"/>.</summary>
    /// <param name="other">The other structure.</param>
    /// <param name="scalarEqual">Equivalence of two scalar texts.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Matches(MathStructure other, Func<string, string, bool> scalarEqual)
    {
        if (Type != other.Type)
        {
            return false;
        }

        switch (Type)
        {
            case Kind.Scalar:
                return scalarEqual(Text, other.Text);
            case Kind.Tuple:
                return Open == other.Open && Close == other.Close && Pairwise(Items, other.Items, scalarEqual);
            case Kind.Matrix:
                return Columns == other.Columns && Pairwise(Items, other.Items, scalarEqual);
            default:
                if (Items.Count != other.Items.Count)
                {
                    return false;
                }

                // Order-insensitive: every element matched to a distinct element of the other.
                var used = new bool[other.Items.Count];
                foreach (var item in Items)
                {
                    int j = Enumerable.Range(0, used.Length).FirstOrDefault(k => !used[k] && item.Matches(other.Items[k], scalarEqual), -1);
                    if (j < 0)
                    {
                        return false;
                    }

                    used[j] = true;
                }

                return true;
        }
    }

    private static bool Pairwise(IReadOnlyList<MathStructure> a, IReadOnlyList<MathStructure> b, Func<string, string, bool> scalarEqual) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Matches(p.Second, scalarEqual));

    /// <summary>Splits at a separator outside any brackets, braces and <c>\{…\}</c>.</summary>
    private static List<string> SplitTopLevel(string s, string separator)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\' && i + 1 < s.Length && s[i + 1] is '{' or '}')
            {
                depth += s[i + 1] == '{' ? 1 : -1;
                i++;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (depth == 0 && string.CompareOrdinal(s, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(s[start..i]);
                start = i + separator.Length;
                i += separator.Length - 1;
            }
        }

        parts.Add(s[start..]);
        return parts;
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/> (round and square brackets pair with either, as intervals do), or −1.</summary>
    private static int Matching(string s, int open)
    {
        int depth = 0;
        for (int i = open; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] is '{' or '}')
            {
                i++;
            }
            else if (s[i] is '(' or '[' or '{')
            {
                depth++;
            }
            else if (s[i] is ')' or ']' or '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int ClosingSetBrace(string s)
    {
        int depth = 0;
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] == '\\' && s[i + 1] is '{' or '}')
            {
                depth += s[i + 1] == '{' ? 1 : -1;
                if (depth == 0)
                {
                    return i;
                }

                i++;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^\\begin\{(?<kind>pmatrix|bmatrix|matrix|Bmatrix)\}(?<body>.*)\\end\{\k<kind>\}$", RegexOptions.Singleline)]
    private static partial Regex MatrixPattern();
}
