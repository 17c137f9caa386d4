using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// Finds the final answer in a model's output, trying in order: the last <c>[RESULT] x [/RESULT]</c> (what AGORABENCH
/// students learn to write), the last <c>\boxed{x}</c> (balanced braces), the last <c>#### x</c> (GSM8K), the last
/// "the answer is x", and finally the last number.
/// </summary>
internal static partial class MathAnswerExtractor
{
    /// <summary>Extracts the final answer.</summary>
    /// <param name="output">The model's output.</param>
    /// <returns>The answer and the rule that found it (<c>none</c> when nothing was found).</returns>
    public static (string? Answer, string Rule) Extract(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return (null, "none");
        }

        var result = ResultTag().Matches(output);
        if (result.Count > 0)
        {
            return (result[^1].Groups["a"].Value.Trim(), "result-tag");
        }

        if (LastBoxed(output) is { } boxed)
        {
            return (boxed, "boxed");
        }

        var hashes = HashMarks().Matches(output);
        if (hashes.Count > 0)
        {
            return (hashes[^1].Groups["a"].Value.Trim(), "hash-marks");
        }

        var answerIs = AnswerIs().Matches(output);
        if (answerIs.Count > 0)
        {
            return (answerIs[^1].Groups["a"].Value.Trim().TrimEnd('.').Trim(), "answer-is");
        }

        var numbers = Number().Matches(output);
        return numbers.Count > 0 ? (numbers[^1].Value, "last-number") : (null, "none");
    }

    /// <summary>Extracts the final answer in the given mode.</summary>
    /// <param name="output">The model's output.</param>
    /// <param name="mode"><see cref="MathExtraction.First"/> (lm-eval's GSM8K) or <see cref="MathExtraction.Last"/>.</param>
    /// <returns>The answer (or <see langword="null"/>) and the rule that found it.</returns>
    public static (string? Answer, string Rule) Extract(string? output, MathExtraction mode)
    {
        if (mode == MathExtraction.Last || string.IsNullOrWhiteSpace(output))
        {
            return Extract(output);
        }

        // A "Question:" the output starts with (an echoed prompt) is not a next question.
        string text = output.TrimStart();
        int cut = text.Length > 1 ? text.IndexOf("Question:", 1, StringComparison.Ordinal) : -1;
        string head = cut >= 0 ? text[..cut] : text;
        var hashes = HashMarks().Match(head);
        return hashes.Success ? (hashes.Groups["a"].Value.Trim(), "first-hash-marks") : Extract(head);
    }

    /// <summary>Returns the content of the last <c>\boxed{…}</c> (or <c>\fbox{…}</c>), honouring nested braces.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The content, or <see langword="null"/>.</returns>
    public static string? LastBoxed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = Math.Max(text.LastIndexOf("\\boxed", StringComparison.Ordinal), text.LastIndexOf("\\fbox", StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }

        int open = text.IndexOf('{', start);
        if (open < 0)
        {
            // "\boxed 5" without braces.
            var tail = text[(start + "\\boxed".Length)..].Trim();
            return tail.Length > 0 ? tail.Split([' ', '$', '\n'], 2)[0] : null;
        }

        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return text[(open + 1)..i].Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"\[RESULT\](?<a>.*?)\[/RESULT\]", RegexOptions.Singleline)]
    private static partial Regex ResultTag();

    [GeneratedRegex(@"####\s*(?<a>[^\n]+)")]
    private static partial Regex HashMarks();

    [GeneratedRegex(@"answer\s+is\s*:?\s*(?<a>[^\n]+?)(?:\.\s|\.$|\n|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerIs();

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?")]
    private static partial Regex Number();
}
