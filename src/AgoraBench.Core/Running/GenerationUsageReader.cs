using System.Text.Json;

namespace AgoraBench;

/// <summary>Sums what a generation cost from its attempt log (every completion ever paid for, across resumed runs) and counts its accepted instances.</summary>
internal static class GenerationUsageReader
{
    public static async Task<(long Instances, long Requests, long InputTokens, long OutputTokens)> ReadAsync(string dataPath, CancellationToken cancellationToken)
    {
        long instances = 0, requests = 0, input = 0, output = 0;
        if (File.Exists(dataPath))
        {
            await foreach (string line in File.ReadLinesAsync(dataPath, cancellationToken).ConfigureAwait(false))
            {
                instances += line.Length > 0 ? 1 : 0;
            }
        }

        string attempts = dataPath + ".attempts.jsonl";
        if (File.Exists(attempts))
        {
            await foreach (string line in File.ReadLinesAsync(attempts, cancellationToken).ConfigureAwait(false))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var usage = JsonSerializer.Deserialize(line, GenerationJsonContext.Default.GenerationUsageLine);
                requests++;
                input += usage?.InputTokens ?? 0;
                output += usage?.OutputTokens ?? 0;
            }
        }

        return (instances, requests, input, output);
    }
}
