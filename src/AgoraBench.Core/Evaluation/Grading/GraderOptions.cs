using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>Reads a grader's options, collecting every problem (unknown option, wrong type, unknown field, bad regex) before failing once.</summary>
internal sealed class GraderOptions(GraderSpec spec, GraderContext context)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal) { "kind" };

    public List<DataError> Errors { get; } = [];

    public GraderContext Context { get; } = context;

    public void Error(string option, string message) => Errors.Add(new DataError(null, null, option, message));

    public string? Text(string name, bool required = false)
    {
        _known.Add(name);
        if (!spec.Options.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Error(name, $"is required by the '{spec.Kind}' grader");
            }

            return null;
        }

        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        Error(name, "must be a string");
        return null;
    }

    /// <summary>An option naming a field of the problems; checked against the problems' fields when they are known.</summary>
    public string? Field(string name, bool required = false)
    {
        string? field = Text(name, required);
        if (field is not null && Context.Fields is { } fields && !fields.Contains(field))
        {
            Error(name, $"names the field '{field}', which the problems do not have; they have {string.Join(", ", fields.Order(StringComparer.Ordinal))}");
        }
        else if (field is not null)
        {
            RecordsLacking(name, field, $"the '{spec.Kind}' grader reads it ({name})");
        }

        return field;
    }

    /// <summary>When the problems are known, names each record (file:line) that lacks the field or holds null.</summary>
    public void RecordsLacking(string option, string field, string why) =>
        Records(option, Context.Problems?.Where(p => !p.Fields.TryGetValue(field, out var v) || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            .Select(p => (p, $"field '{field}': is missing; {why}")) ?? []);

    /// <summary>One error per record (file:line) for an option, up to <see cref="ProblemTable.RecordsNamed"/>, then a count of the rest.</summary>
    public void Records(string option, IEnumerable<(BenchmarkProblem Problem, string Message)> records)
    {
        var list = records.ToList();
        string file = Context.ProblemsPath ?? "the problems file";
        foreach (var (problem, message) in list.Take(ProblemTable.RecordsNamed))
        {
            Error(option, $"{file}:{problem.Line.ToString(CultureInfo.InvariantCulture)}: {message}");
        }

        if (list.Count > ProblemTable.RecordsNamed)
        {
            Error(option, $"{file}: … and {(list.Count - ProblemTable.RecordsNamed).ToString(CultureInfo.InvariantCulture)} more records with the same problem");
        }
    }

    public IReadOnlyList<string> Fields(string name)
    {
        _known.Add(name);
        if (!spec.Options.TryGetPropertyValue(name, out var node) || node is null)
        {
            return [];
        }

        if (node is JsonArray array)
        {
            var names = new List<string>();
            foreach (var item in array)
            {
                if (item is JsonValue v && v.TryGetValue(out string? s))
                {
                    names.Add(s);
                }
                else
                {
                    Error(name, "must be a field name or an array of field names");
                }
            }

            return names;
        }

        return Field(name) is { } single ? [single] : [];
    }

    public double? Number(string name)
    {
        _known.Add(name);
        if (!spec.Options.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            return value.GetValue<double>();
        }

        Error(name, "must be a number");
        return null;
    }

    public bool? Bool(string name)
    {
        _known.Add(name);
        if (!spec.Options.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        Error(name, "must be true or false");
        return null;
    }

    /// <summary>The <c>extract</c> regex: it must compile and have exactly one capture group.</summary>
    public Regex? Extract()
    {
        if (Text("extract") is not { } pattern)
        {
            return null;
        }

        if (AnswerExtraction.Compile(pattern, out string? error) is { } regex)
        {
            return regex;
        }

        Error("extract", error!);
        return null;
    }

    /// <summary>Reports options the grader does not know, then fails with every problem found.</summary>
    public void Done()
    {
        foreach (var (name, _) in spec.Options)
        {
            if (!_known.Contains(name))
            {
                string? nearest = Suggest.Nearest(name, _known);
                Error(name, nearest is null
                    ? $"is not an option of the '{spec.Kind}' grader; it takes {string.Join(", ", _known.Where(k => k != "kind"))}"
                    : $"is not an option of the '{spec.Kind}' grader; did you mean '{nearest}'?");
            }
        }

        if (Errors.Count > 0)
        {
            throw new DataValidationException(Errors);
        }
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
