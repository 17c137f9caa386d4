using System.Text.Json;

namespace AgoraBench;

/// <summary>Reads prediction files: JSON Lines rows <c>{"id": …, "output": "…"}</c> or <c>{"id": …, "outputs": ["…", …]}</c>.</summary>
internal static class Predictions
{
    /// <summary>Reads predictions, reporting every malformed row at once.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The predictions in file order.</returns>
    /// <exception cref="DataValidationException">A row is malformed or an id repeats; every problem is listed.</exception>
    public static async Task<IReadOnlyList<Prediction>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var errors = new List<DataError>();
        var predictions = new List<Prediction>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                errors.Add(new DataError(path, lineNumber, null, "not valid JSON: " + JsonErrorText.Describe(ex)));
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new DataError(path, lineNumber, null, "expected a JSON object"));
                    continue;
                }

                string? id = root.TryGetProperty("id", out var idElement)
                    ? idElement.ValueKind switch { JsonValueKind.String => idElement.GetString(), JsonValueKind.Number => idElement.GetRawText(), _ => null }
                    : null;
                if (id is null)
                {
                    errors.Add(new DataError(path, lineNumber, "id", "is missing (a string or a number)"));
                }

                var outputs = new List<string>();
                if (root.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.String)
                {
                    outputs.Add(output.GetString()!);
                }
                else if (root.TryGetProperty("outputs", out var many) && many.ValueKind == JsonValueKind.Array && many.GetArrayLength() > 0 && many.EnumerateArray().All(o => o.ValueKind == JsonValueKind.String))
                {
                    outputs.AddRange(many.EnumerateArray().Select(o => o.GetString()!));
                }
                else
                {
                    errors.Add(new DataError(path, lineNumber, "output", "is missing: give \"output\" (a string) or \"outputs\" (a non-empty array of strings)"));
                }

                if (id is null || outputs.Count == 0)
                {
                    continue;
                }

                if (seen.TryGetValue(id, out int first))
                {
                    errors.Add(new DataError(path, lineNumber, "id", $"'{id}' already has a prediction on line {first}"));
                    continue;
                }

                seen[id] = lineNumber;
                predictions.Add(new Prediction(id, outputs, lineNumber));
            }
        }

        return errors.Count > 0 ? throw new DataValidationException(errors) : predictions;
    }
}
