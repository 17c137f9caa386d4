using AgoraBench;

namespace CustomMetric;

/// <summary>
/// Distinct-n of the responses (Li et al., 2016): the number of different word n-grams over all responses divided by
/// the number of n-grams. A cheap lexical diversity, next to the embedding-based diversities of the paper.
/// </summary>
/// <param name="n">The n-gram length.</param>
public sealed class DistinctNgramMetric(int n = 2) : IIntrinsicMetric
{
    public string Name => $"response-distinct-{n}";

    public ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new List<MetricDiagnostic>();
        long total = 0;
        int scored = 0;
        for (int i = 0; i < instances.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] words = (instances[i].Response ?? string.Empty).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < n)
            {
                // Bad data is reported, never scored.
                diagnostics.Add(new MetricDiagnostic(i, "too-short", $"the response has fewer than {n} words"));
                continue;
            }

            scored++;
            for (int w = 0; w + n <= words.Length; w++)
            {
                seen.Add(string.Join(' ', words, w, n));
                total++;
            }
        }

        return ValueTask.FromResult(new IntrinsicMetricResult(
            name: Name,
            value: total == 0 ? null : (double)seen.Count / total,
            count: scored,
            failed: diagnostics.Count,
            diagnostics: diagnostics,
            details: new Dictionary<string, double> { ["ngrams"] = total, ["distinct_ngrams"] = seen.Count }));
    }
}
