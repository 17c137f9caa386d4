using System.Globalization;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Reads answers keyed by question id from prediction files (<c>{"id", "output"}</c>), Arena-Hard model-answer files
/// (<c>{"uid" or "question_id", "messages" | "choices"}</c>) or AlpacaEval output arrays (<c>{"instruction", "output"}</c>,
/// keyed by row number).
/// </summary>
internal static class AnswerFiles
{
    /// <summary>Reads a file of answers.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Question id → answer text.</returns>
    /// <exception cref="DataValidationException">A record has no recognizable id or answer; every problem is listed.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<DataError>();
        var records = new List<(int Line, JsonElement Record)>();
        if (text.TrimStart().StartsWith('['))
        {
            using var document = JsonDocument.Parse(text);
            int index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                records.Add((++index, element.Clone()));
            }
        }
        else
        {
            int number = 0;
            foreach (string line in text.Split('\n'))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    using var document = JsonDocument.Parse(line);
                    records.Add((number, document.RootElement.Clone()));
                }
                catch (JsonException ex)
                {
                    errors.Add(new DataError(path, number, null, "not valid JSON: " + JsonErrorText.Describe(ex)));
                }
            }
        }

        int row = 0;
        foreach (var (line, record) in records)
        {
            string? id = Text(record, "id") ?? Text(record, "uid") ?? Text(record, "question_id") ?? (record.TryGetProperty("instruction", out _) ? row.ToString(CultureInfo.InvariantCulture) : null);
            string? answer = Text(record, "output") ?? Answer(record);
            row++;
            if (id is null || answer is null)
            {
                errors.Add(new DataError(path, line, id is null ? "id" : "output", "no question id (id, uid, question_id) or no answer (output, messages, choices) was found"));
                continue;
            }

            if (!answers.TryAdd(id, answer))
            {
                errors.Add(new DataError(path, line, "id", $"'{id}' appears twice"));
            }
        }

        return errors.Count > 0 ? throw new DataValidationException(errors) : answers;
    }

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? Answer(JsonElement record)
    {
        if (record.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            var last = messages.EnumerateArray().LastOrDefault(m => m.TryGetProperty("role", out var r) && r.GetString() == "assistant");
            if (last.ValueKind == JsonValueKind.Object && last.TryGetProperty("content", out var content))
            {
                return content.ValueKind == JsonValueKind.String ? content.GetString() : Text(content, "answer");
            }
        }

        if (record.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].TryGetProperty("turns", out var turns) && turns.ValueKind == JsonValueKind.Array && turns.GetArrayLength() > 0)
        {
            return Text(turns[0], "content");
        }

        return null;
    }
}
