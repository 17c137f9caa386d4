using System.Globalization;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Reads benchmark problems from their native files: GSM8K (<c>question</c>, <c>answer</c> ending in <c>#### n</c>),
/// MATH / MATH-500 (<c>problem</c>, <c>solution</c>, <c>answer</c>, <c>unique_id</c>), HumanEval (<c>task_id</c>,
/// <c>prompt</c>, <c>canonical_solution</c>, <c>test</c>, <c>entry_point</c>), MBPP (<c>task_id</c>, <c>text</c> or
/// <c>prompt</c>, <c>code</c>, <c>test_list</c>), Arena-Hard questions (<c>uid</c>, <c>prompt</c>, as in v0.1's <c>question.jsonl</c>; or <c>question_id</c>, <c>turns</c>) and AlpacaEval
/// (<c>instruction</c>, <c>output</c>). Each file may be JSON Lines or a JSON array.
/// </summary>
/// <remarks>A malformed record is an error naming the file, the line and the field; nothing is skipped.</remarks>
internal static class BenchmarkProblems
{
    /// <summary>Reads the problems of a benchmark.</summary>
    /// <param name="benchmark">The benchmark id: <c>gsm8k</c>, <c>math</c>, <c>humaneval</c>, <c>mbpp</c>, <c>arena-hard</c> or <c>alpacaeval-2.0</c>.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The problems, in file order.</returns>
    /// <exception cref="DataValidationException">The file is malformed; every problem is listed.</exception>
    public static async Task<IReadOnlyList<BenchmarkProblem>> ReadAsync(string benchmark, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!EvaluationBenchmarks.TryFind(benchmark, out var known))
        {
            throw new ArgumentException($"'{benchmark}' is not a benchmark; expected gsm8k, math, mbpp, humaneval, alpacaeval-2.0 or arena-hard.", nameof(benchmark));
        }

        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var errors = new List<DataError>();
        var problems = new List<BenchmarkProblem>();
        int position = 0;
        foreach (var (line, record) in Records(bytes, path, errors))
        {
            int before = errors.Count;
            string? Text(string field, bool required = true, bool numberAllowed = true)
            {
                if (record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }

                if (numberAllowed && record.TryGetProperty(field, out value) && value.ValueKind == JsonValueKind.Number)
                {
                    return value.GetRawText();
                }

                if (required)
                {
                    errors.Add(new DataError(path, line, field, record.TryGetProperty(field, out _) ? "must be a string" : "is missing"));
                }

                return null;
            }

            BenchmarkProblem? problem = known.Id switch
            {
                "gsm8k" => Gsm8k(Text("question"), Text("answer"), position, line, path, errors),
                "math" => Text("problem") is { } p ? new BenchmarkProblem(Text("unique_id", required: false) ?? position.ToString(CultureInfo.InvariantCulture), p, Text("answer", required: false) ?? (Text("solution") is { } sol ? MathAnswerExtractor.LastBoxed(sol) : null), line) : null,
                "humaneval" => Code(Text("task_id"), Text("prompt", numberAllowed: false), Text("test", numberAllowed: false), Text("entry_point", numberAllowed: false)) is { } he ? new BenchmarkProblem(he.Id, he.Prompt, Text("canonical_solution", required: false, numberAllowed: false), line) : null,
                "mbpp" => Text("task_id") is { } id && (Text("text", required: false) ?? Text("prompt")) is { } text ? new BenchmarkProblem(id, text, Text("code", required: false), line) : null,
                "arena-hard" => record.TryGetProperty("uid", out _)
                    ? Text("uid") is { } uid && Text("prompt") is { } arenaPrompt ? new BenchmarkProblem(uid, arenaPrompt, null, line) : null
                    : Text("question_id") is { } id ? new BenchmarkProblem(id, FirstTurn(record, path, line, errors) ?? string.Empty, null, line) : null,
                _ => Text("instruction") is { } instruction ? new BenchmarkProblem(position.ToString(CultureInfo.InvariantCulture), instruction, Text("output", required: false), line) : null,
            };
            if (known.Id == "mbpp" && (!record.TryGetProperty("test_list", out var tests) || tests.ValueKind != JsonValueKind.Array))
            {
                errors.Add(new DataError(path, line, "test_list", "must be an array of assert statements"));
            }

            if (problem is not null && errors.Count == before)
            {
                problems.Add(new BenchmarkProblem(problem.Id, problem.Prompt, problem.Answer, problem.Line) { Fields = record.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) });
            }

            position++;
        }

        var duplicates = problems.GroupBy(p => p.Id).Where(g => g.Count() > 1).ToArray();
        errors.AddRange(duplicates.Select(g => new DataError(path, g.Skip(1).First().Line, "id", $"the id '{g.Key}' appears {g.Count()} times")));
        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        return problems;
    }

    /// <summary>The GSM8K gold answer: the text after the last <c>####</c>, without thousands separators.</summary>
    /// <param name="answer">The <c>answer</c> field.</param>
    /// <returns>The final answer, or <see langword="null"/> when there is no <c>####</c>.</returns>
    internal static string? Gsm8kFinalAnswer(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        int index = answer.LastIndexOf("####", StringComparison.Ordinal);
        return index < 0 ? null : answer[(index + 4)..].Trim().Replace(",", string.Empty, StringComparison.Ordinal);
    }

    // HumanEval's code fields are Python source: every one is checked (so all problems of a line are reported) before the problem is built.
    private static (string Id, string Prompt)? Code(string? id, string? prompt, string? test, string? entryPoint) =>
        id is not null && prompt is not null && test is not null && entryPoint is not null ? (id, prompt) : null;

    private static BenchmarkProblem? Gsm8k(string? question, string? answer, int position, int line, string path, List<DataError> errors)
    {
        if (question is null || answer is null)
        {
            return null;
        }

        if (Gsm8kFinalAnswer(answer) is not { Length: > 0 } final)
        {
            errors.Add(new DataError(path, line, "answer", "does not end with '#### <number>'"));
            return null;
        }

        return new BenchmarkProblem(position.ToString(CultureInfo.InvariantCulture), question, final, line);
    }

    private static string? FirstTurn(JsonElement record, string path, int line, List<DataError> errors)
    {
        if (record.TryGetProperty("turns", out var turns) && turns.ValueKind == JsonValueKind.Array && turns.GetArrayLength() > 0
            && turns[0].TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        errors.Add(new DataError(path, line, "turns", "must be an array whose first item has a string 'content'"));
        return null;
    }

    internal static List<(int Line, JsonElement Record)> Records(byte[] bytes, string path, List<DataError> errors)
    {
        var records = new List<(int, JsonElement)>();
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            span = span[3..];
        }

        var trimmed = span.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("["u8))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed.ToArray());
                int index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    index++;
                    if (element.ValueKind == JsonValueKind.Object)
                    {
                        records.Add((index, element.Clone()));
                    }
                    else
                    {
                        errors.Add(new DataError(path, index, null, "expected a JSON object (element number given as the line)"));
                    }
                }
            }
            catch (JsonException ex)
            {
                errors.Add(new DataError(path, (int)(ex.LineNumber ?? 0) + 1, null, "not valid JSON: " + JsonErrorText.Describe(ex)));
            }

            return records;
        }

        int lineNumber = 0;
        foreach (var raw in System.Text.Encoding.UTF8.GetString(span).Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(raw);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    records.Add((lineNumber, document.RootElement.Clone()));
                }
                else
                {
                    errors.Add(new DataError(path, lineNumber, null, "expected a JSON object"));
                }
            }
            catch (JsonException ex)
            {
                errors.Add(new DataError(path, lineNumber, null, "not valid JSON: " + JsonErrorText.Describe(ex)));
            }
        }

        return records;
    }
}
