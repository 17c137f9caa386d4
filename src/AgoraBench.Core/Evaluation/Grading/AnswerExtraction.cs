using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>Takes the graded part out of an answer: a user's <c>extract</c> regex (its one capture group, last match), or a kind's default.</summary>
internal static partial class AnswerExtraction
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Compiles an <c>extract</c> pattern; it must have exactly one capture group.</summary>
    public static Regex? Compile(string pattern, out string? error)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException ex)
        {
            error = $"the regex does not compile: {ex.Message}";
            return null;
        }

        int groups = regex.GetGroupNumbers().Length - 1;
        if (groups != 1)
        {
            error = $"the regex must have exactly one capture group (the part graded); it has {groups}";
            return null;
        }

        error = null;
        return regex;
    }

    /// <summary>The capture of the last match, or <see langword="null"/> when nothing matches.</summary>
    public static string? Apply(Regex regex, string output)
    {
        var matches = regex.Matches(output);
        return matches.Count == 0 ? null : matches[^1].Groups[regex.GetGroupNumbers()[1]].Value;
    }

    /// <summary>The last number in the text (see <see cref="NumberText"/>), or <see langword="null"/>.</summary>
    public static string? LastNumber(string output) => NumberText.Last(output);

    /// <summary>The last fenced code block: its language tag and body; <see langword="null"/> when the answer has no fence.</summary>
    public static (string Language, string Code)? LastFence(string output)
    {
        var matches = Fence().Matches(output);
        return matches.Count == 0 ? null : (matches[^1].Groups["lang"].Value, matches[^1].Groups["code"].Value);
    }

    /// <summary>A field of a problem as text: a string as is, an array of strings one per line, anything else as JSON.</summary>
    public static string? Field(BenchmarkProblem problem, string name)
    {
        if (!problem.Fields.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => string.Join("\n", value.EnumerateArray().Select(v => v.GetString())),
            _ => value.GetRawText(),
        };
    }

    /// <summary>The gold answer: the named field, else the problem's own answer.</summary>
    public static string? Gold(BenchmarkProblem problem, string? field) => field is null ? problem.Answer : Field(problem, field);

    [GeneratedRegex(@"```(?<lang>[A-Za-z0-9_+-]*)[ \t]*\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
