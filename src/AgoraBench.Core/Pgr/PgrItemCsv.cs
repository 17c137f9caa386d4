namespace AgoraBench;

/// <summary>
/// Per-problem outcomes as CSV: <c>generator,method,domain,benchmark,item,student,base,reference</c>, one row per
/// student score and problem (the base and reference columns repeat the two models' results on that problem). The PGR
/// step writes it as <c>pgr/items.csv</c>; <c>agorabench pgr --items</c> reads it.
/// </summary>
internal static class PgrItemCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["generator", "method", "domain", "benchmark", "item", "student", "base", "reference"];

    public static string Write(IEnumerable<BenchmarkScore> scores) =>
        CsvText.Write(Columns, scores.Where(s => s.Items is not null).SelectMany(s => s.Items!.Select(i => (IReadOnlyList<object?>)
            [s.Generator, AgoraBenchNames.ToName(s.Method), AgoraBenchNames.ToName(s.Domain), s.Benchmark, i.Item, i.Student, i.Base, i.Reference])));

    /// <summary>Reads an outcome file and attaches the outcomes to the matching scores; a row that matches no score is an error naming its line.</summary>
    public static async Task<IReadOnlyList<BenchmarkScore>> AttachAsync(IReadOnlyList<BenchmarkScore> scores, string path, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StringReader(text);
        var table = new CsvTableReader(path, Columns);
        var rows = table.Read(reader, row =>
        {
            var key = Key(row.Text("generator"), row.Method(), row.Domain(), row.Text("benchmark"));
            var outcome = new PgrItemOutcome(row.Text("item"), row.Number("student"), row.Number("base"), row.Number("reference"));
            return row.HasErrors ? null : new { Key = key, Outcome = outcome, row.Line };
        });
        var known = scores.Select(s => Key(s.Generator, s.Method, s.Domain, s.Benchmark)).ToHashSet();
        foreach (var row in rows.Where(r => !known.Contains(r.Key)))
        {
            table.Errors.Add(new DataError(path, row.Line, "generator", $"({row.Key.Generator}, {row.Key.Method}/{row.Key.Domain}, {row.Key.Benchmark}) matches no row of the score file"));
        }

        table.ThrowIfErrors(rows.Count);
        var byKey = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<PgrItemOutcome>)[.. g.Select(r => r.Outcome)]);
        return [.. scores.Select(s => byKey.TryGetValue(Key(s.Generator, s.Method, s.Domain, s.Benchmark), out var items) ? s with { Items = items } : s)];
    }

    private static (string Generator, string Method, string Domain, string Benchmark) Key(string generator, GenerationMethod method, BenchmarkDomain domain, string benchmark) =>
        (generator, AgoraBenchNames.ToName(method), AgoraBenchNames.ToName(domain), EvaluationBenchmarks.TryFind(benchmark, out var known) ? known.Id : benchmark.Trim());
}
