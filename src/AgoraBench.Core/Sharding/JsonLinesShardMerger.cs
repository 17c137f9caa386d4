using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Combines JSON Lines shards keyed by <c>id</c> — the datasets of <c>agorabench generate --shard</c> (with their
/// attempt logs) and the predictions of <c>agorabench evaluate --shard</c> — and proves nothing is missing or doubled.
/// </summary>
public static class JsonLinesShardMerger
{
    /// <summary>Merges shard files into one.</summary>
    /// <param name="inputs">The shard files.</param>
    /// <param name="output">The merged file (replaced atomically); <c>FILE.attempts.jsonl</c> sides are concatenated beside it.</param>
    /// <param name="expected">How many rows there should be, or <see langword="null"/>. For ids ending in an item number (response generation, quality enhancement, predictions), the missing numbers are named.</param>
    /// <param name="cancellationToken">Cancels the merge.</param>
    /// <returns>Rows, duplicates and missing items.</returns>
    /// <exception cref="DataValidationException">A line is not JSON or has no <c>id</c> (the file and line are named).</exception>
    public static async Task<JsonLinesMergeReport> MergeAsync(IReadOnlyList<string> inputs, string output, int? expected = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrEmpty(output);
        var errors = new List<DataError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        var text = new StringBuilder();
        foreach (string input in inputs)
        {
            int number = 0;
            foreach (string line in await File.ReadAllLinesAsync(input, cancellationToken).ConfigureAwait(false))
            {
                number++;
                if (line.Length == 0)
                {
                    continue;
                }

                string? id;
                try
                {
                    id = JsonSerializer.Deserialize(line, ShardingJsonContext.Default.ShardLineDocument)?.Id?.ToString();
                }
                catch (JsonException ex)
                {
                    errors.Add(new DataError(input, number, null, "not valid JSON: " + JsonErrorText.Describe(ex)));
                    continue;
                }

                if (string.IsNullOrEmpty(id))
                {
                    errors.Add(new DataError(input, number, "id", "is missing: shards are merged by id"));
                    continue;
                }

                if (!seen.Add(id))
                {
                    duplicates.Add(id);
                    continue;
                }

                text.Append(line).Append('\n');
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        await AtomicFile.WriteAllTextAsync(output, text.ToString(), cancellationToken).ConfigureAwait(false);
        var sides = inputs.Select(i => i + ".attempts.jsonl").Where(File.Exists).ToArray();
        if (sides.Length > 0)
        {
            var attempts = new StringBuilder();
            foreach (string side in sides)
            {
                TornLine.Cut(side);
                attempts.Append(await File.ReadAllTextAsync(side, cancellationToken).ConfigureAwait(false));
            }

            await AtomicFile.WriteAllTextAsync(output + ".attempts.jsonl", attempts.ToString(), cancellationToken).ConfigureAwait(false);
        }

        return new JsonLinesMergeReport(seen.Count, duplicates, Missing(seen, expected), expected);
    }

    // Item numbers run 0 … N - 1 for seed-bound generation ("response-generation-code-17") and predictions ("17"):
    // name each one that is absent. Instance generation numbers items as it goes, so only its count is checked.
    private static List<string> Missing(HashSet<string> ids, int? expected)
    {
        var missing = new List<string>();
        if (expected is not int count || ids.Any(i => i.StartsWith("instance-generation-", StringComparison.Ordinal)))
        {
            if (expected is int total && ids.Count < total)
            {
                missing.Add(string.Create(CultureInfo.InvariantCulture, $"{total - ids.Count} row(s) short of {total}"));
            }

            return missing;
        }

        var numbers = new HashSet<int>();
        string? prefix = null;
        foreach (string id in ids)
        {
            int dash = id.LastIndexOf('-');
            if (int.TryParse(dash < 0 ? id : id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                numbers.Add(n);
                prefix ??= dash < 0 ? string.Empty : id[..(dash + 1)];
            }
        }

        if (numbers.Count == 0)
        {
            if (ids.Count < count)
            {
                missing.Add(string.Create(CultureInfo.InvariantCulture, $"{count - ids.Count} row(s) short of {count}"));
            }

            return missing;
        }

        for (int n = 0; n < count; n++)
        {
            if (!numbers.Contains(n))
            {
                missing.Add(prefix + n.ToString(CultureInfo.InvariantCulture));
            }
        }

        return missing;
    }
}
