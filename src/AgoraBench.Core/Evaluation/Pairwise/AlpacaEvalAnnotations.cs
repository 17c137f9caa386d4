using System.IO.Compression;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Reads AlpacaEval's official <c>annotations.json</c> (a JSON array of games with <c>output_1</c>, <c>generator_1</c>,
/// <c>output_2</c>, <c>generator_2</c>, <c>preference</c>; gzip-compressed when the name ends in <c>.gz</c>) and scores
/// each <c>generator_2</c> model with <see cref="WinRate"/>.
/// </summary>
internal static class AlpacaEvalAnnotations
{
    /// <summary>Reads the files; a model's games keep their file order (their position picks the instruction difficulty).</summary>
    /// <param name="paths">The annotation files.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>Each model (in order of first appearance) with its baseline's name and its games.</returns>
    /// <exception cref="DataValidationException">Every problem in every file, with the file and the game's position.</exception>
    public static async Task<IReadOnlyList<(string Model, string Baseline, IReadOnlyList<AlpacaEvalGame> Games)>> ReadAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var errors = new List<DataError>();
        var models = new List<(string Model, string Baseline, List<AlpacaEvalGame> Games, string File)>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            JsonDocument document;
            try
            {
                using var file = File.OpenRead(path);
                using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
                document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                errors.Add(new DataError(path, null, null, "cannot be read: " + ex.Message));
                continue;
            }
            catch (JsonException ex)
            {
                errors.Add(new DataError(path, ex.LineNumber is long line ? (int)line + 1 : null, null, "is not valid JSON: " + ex.Message));
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new DataError(path, null, null, "expected a JSON array of games (AlpacaEval's annotations.json)"));
                    continue;
                }

                var seenHere = new HashSet<string>(StringComparer.Ordinal);
                int position = 0;
                foreach (var game in document.RootElement.EnumerateArray())
                {
                    string where = $"[{position++}]";
                    if (game.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new DataError(path, null, where, "expected an object"));
                        continue;
                    }

                    int before = errors.Count;
                    string? output1 = Text(game, "output_1", path, where, errors);
                    string? output2 = Text(game, "output_2", path, where, errors);
                    string? generator1 = Text(game, "generator_1", path, where, errors);
                    string? generator2 = Text(game, "generator_2", path, where, errors);
                    double? preference = null;
                    if (game.TryGetProperty("preference", out var value))
                    {
                        if (value.ValueKind == JsonValueKind.Number)
                        {
                            preference = value.GetDouble();
                        }
                        else if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                        {
                            errors.Add(new DataError(path, null, where + ".preference", $"expected a number or null, found {value.ValueKind}"));
                        }
                    }

                    if (errors.Count > before)
                    {
                        continue;
                    }

                    if (!byName.TryGetValue(generator2!, out int index))
                    {
                        index = models.Count;
                        byName[generator2!] = index;
                        models.Add((generator2!, generator1!, [], path));
                    }
                    else if (!seenHere.Contains(generator2!))
                    {
                        errors.Add(new DataError(path, null, where + ".generator_2", $"'{generator2}' already has games in {models[index].File}; give each model's games in one file (their order picks the instruction)"));
                        continue;
                    }

                    seenHere.Add(generator2!);
                    if (!string.Equals(models[index].Baseline, generator1, StringComparison.Ordinal))
                    {
                        errors.Add(new DataError(path, null, where + ".generator_1", $"'{generator1}' differs from the baseline '{models[index].Baseline}' of {generator2}'s other games"));
                        continue;
                    }

                    models[index].Games.Add(new AlpacaEvalGame(preference, output1!, output2!));
                }

                if (position == 0)
                {
                    errors.Add(new DataError(path, null, null, "has no games"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        return [.. models.Select(m => (m.Model, m.Baseline, (IReadOnlyList<AlpacaEvalGame>)m.Games))];
    }

    /// <summary>Scores one model; the baseline against itself gets 50 by construction (no fit), as AlpacaEval reports it.</summary>
    /// <param name="model">The model.</param>
    /// <param name="baseline">Its baseline.</param>
    /// <param name="games">Its games.</param>
    /// <param name="method">The length control.</param>
    /// <param name="inputs">The v1 inputs.</param>
    /// <returns>The win rates.</returns>
    public static WinRateResult Score(string model, string baseline, IReadOnlyList<AlpacaEvalGame> games, WinRateMethod method, LengthControlInputs? inputs)
    {
        if (string.Equals(model, baseline, StringComparison.Ordinal))
        {
            return WinRate.ComputeBaseline(games);
        }

        return WinRate.Compute(games, method, inputs);
    }

    private static string? Text(JsonElement game, string key, string path, string where, List<DataError> errors)
    {
        if (game.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new DataError(path, null, $"{where}.{key}", value.ValueKind == JsonValueKind.Undefined ? "is missing" : $"expected a string, found {value.ValueKind}"));
        return null;
    }
}
