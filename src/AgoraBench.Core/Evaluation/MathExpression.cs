using System.Globalization;

namespace AgoraBench;

/// <summary>
/// A small evaluator for normalized math answers: numbers, <c>+ - * / ^</c>, parentheses and braces,
/// <c>\frac{a}{b}</c>, <c>\sqrt{x}</c>, <c>\sqrt[n]{x}</c>, <c>\pi</c>, <c>\cdot</c>, <c>\times</c>, implicit
/// multiplication and single-letter variables. Anything else makes the answer non-numeric, never an exception.
/// </summary>
internal sealed class MathExpression
{
    private readonly string _s;
    private readonly IReadOnlyDictionary<char, double> _variables;
    private int _i;

    private MathExpression(string s, IReadOnlyDictionary<char, double> variables)
    {
        _s = s;
        _variables = variables;
    }

    /// <summary>Evaluates a normalized answer, with the given values for single-letter variables.</summary>
    public static bool TryEvaluate(string normalized, IReadOnlyDictionary<char, double> variables, out double value)
    {
        value = double.NaN;
        if (string.IsNullOrEmpty(normalized) || normalized.Length > 200)
        {
            return false;
        }

        var parser = new MathExpression(normalized, variables);
        try
        {
            value = parser.Sum();
            return parser._i == parser._s.Length && double.IsFinite(value);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The single-letter variables an answer uses (letters outside LaTeX command names).</summary>
    public static IReadOnlySet<char> Variables(string normalized)
    {
        var letters = new HashSet<char>();
        for (int i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] == '\\')
            {
                while (i + 1 < normalized.Length && char.IsLetter(normalized[i + 1]))
                {
                    i++;
                }
            }
            else if (char.IsLetter(normalized[i]))
            {
                letters.Add(normalized[i]);
            }
        }

        return letters;
    }

    private double Sum()
    {
        double value = Product();
        while (_i < _s.Length && (_s[_i] == '+' || _s[_i] == '-'))
        {
            char op = _s[_i++];
            double right = Product();
            value = op == '+' ? value + right : value - right;
        }

        return value;
    }

    private double Product()
    {
        double value = Unary();
        while (_i < _s.Length)
        {
            if (_s[_i] == '*' || _s[_i] == '/')
            {
                char op = _s[_i++];
                double right = Unary();
                value = op == '*' ? value * right : value / right;
            }
            else if (Match("\\cdot") || Match("\\times"))
            {
                value *= Unary();
            }
            else if (StartsFactor())
            {
                value *= Power();
            }
            else
            {
                break;
            }
        }

        return value;
    }

    private double Unary()
    {
        if (_i < _s.Length && _s[_i] == '-')
        {
            _i++;
            return -Unary();
        }

        if (_i < _s.Length && _s[_i] == '+')
        {
            _i++;
            return Unary();
        }

        return Power();
    }

    private double Power()
    {
        double value = Atom();
        if (_i < _s.Length && _s[_i] == '^')
        {
            _i++;
            double exponent = _i < _s.Length && _s[_i] == '{' ? Group('{', '}') : Atom();
            value = Math.Pow(value, exponent);
        }

        return value;
    }

    private bool StartsFactor() =>
        _i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] == '(' || _s[_i] == '{' || char.IsLetter(_s[_i]) || (_s[_i] == '\\' && !_s.AsSpan(_i).StartsWith("\\cdot") && !_s.AsSpan(_i).StartsWith("\\times")));

    private double Atom()
    {
        if (_i >= _s.Length)
        {
            throw new FormatException();
        }

        char c = _s[_i];
        if (char.IsDigit(c) || c == '.')
        {
            int start = _i;
            while (_i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] == '.'))
            {
                _i++;
            }

            return double.Parse(_s.AsSpan(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (c == '(')
        {
            return Group('(', ')');
        }

        if (c == '{')
        {
            return Group('{', '}');
        }

        if (Match("\\frac"))
        {
            double numerator = Group('{', '}');
            return numerator / Group('{', '}');
        }

        if (Match("\\sqrt"))
        {
            double degree = 2;
            if (_i < _s.Length && _s[_i] == '[')
            {
                degree = Group('[', ']');
            }

            double radicand = _i < _s.Length && _s[_i] == '{' ? Group('{', '}') : Atom();
            return Math.Pow(radicand, 1 / degree);
        }

        if (Match("\\pi"))
        {
            return Math.PI;
        }

        if (char.IsLetter(c) && _variables.TryGetValue(c, out double variable))
        {
            _i++;
            return variable;
        }

        throw new FormatException();
    }

    private double Group(char open, char close)
    {
        if (_i >= _s.Length || _s[_i] != open)
        {
            throw new FormatException();
        }

        _i++;
        double value = Sum();
        if (_i >= _s.Length || _s[_i] != close)
        {
            throw new FormatException();
        }

        _i++;
        return value;
    }

    private bool Match(string token)
    {
        if (_s.AsSpan(_i).StartsWith(token, StringComparison.Ordinal) && (_i + token.Length >= _s.Length || !char.IsLetter(_s[_i + token.Length])))
        {
            _i += token.Length;
            return true;
        }

        return false;
    }
}
