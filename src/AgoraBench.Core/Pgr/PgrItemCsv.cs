namespace AgoraBench;

/// <summary>
/// Per-problem outcomes as CSV: <c>generator,method,domain,benchmark,item,student,base,reference</c>, one row per
/// student score and problem (the base and reference columns repeat the two models' results on that problem), and when
/// needed <c>repeat,student_weight,base_weight,reference_weight</c> (the student's training run, and each result's
/// weight in its score; 1 when absent). The PGR step writes it as <c>pgr/items.csv</c>; <c>agorabench pgr --items</c>
/// reads it.
/// </summary>
internal static class PgrItemCsv
{
    internal static IReadOnlyList<string> Columns { get; } = ["generator", "method", "domain", "benchmark", "item", "student", "base", "reference"];

    internal static IReadOnlyList<string> OptionalColumns { get; } = ["repeat", "student_weight", "base_weight", "reference_weight"];

    internal static string Write(IEnumerable<BenchmarkScore> scores)
    {
        var rows = scores.Where(s => s.Items is not null).SelectMany(s => s.Items!.Select(i => (Score: s, Item: i))).ToArray();
        bool extended = rows.Any(r => r.Item.Repeat != 1 || r.Item.StudentWeight != 1 || r.Item.BaseWeight != 1 || r.Item.ReferenceWeight != 1);
        return CsvText.Write(extended ? [.. Columns, .. OptionalColumns] : Columns, rows.Select(r => (IReadOnlyList<object?>)(extended
            ? [r.Score.Generator, AgoraBenchNames.ToName(r.Score.Method), AgoraBenchNames.ToName(r.Score.Domain), r.Score.Benchmark, r.Item.Item, r.Item.Student, r.Item.Base, r.Item.Reference, r.Item.Repeat, r.Item.StudentWeight, r.Item.BaseWeight, r.Item.ReferenceWeight]
            : [r.Score.Generator, AgoraBenchNames.ToName(r.Score.Method), AgoraBenchNames.ToName(r.Score.Domain), r.Score.Benchmark, r.Item.Item, r.Item.Student, r.Item.Base, r.Item.Reference])));
    }

    /// <summary>Reads an outcome file and attaches the outcomes to the matching scores; a row that matches no score is an error naming its line.</summary>
    public static async Task<IReadOnlyList<BenchmarkScore>> AttachAsync(IReadOnlyList<BenchmarkScore> scores, string path, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StringReader(text);
        var table = new CsvTableReader(path, Columns, OptionalColumns);
        var rows = table.Read(reader, row =>
        {
            var key = Key(row.Text("generator"), row.Method(), row.Domain(), row.Text("benchmark"));
            double Weight(string column)
            {
                if (!row.Has(column))
                {
                    return 1;
                }

                double weight = row.Number(column);
                if (weight < 0)
                {
                    row.Error(column, $"{weight} is negative; a weight is 0 or more");
                }

                return weight;
            }

            int repeat = 1;
            if (row.Has("repeat"))
            {
                long value = row.Count("repeat");
                if (value < 1)
                {
                    row.Error("repeat", $"{value} is not a repeat number; repeats are numbered from 1");
                }

                repeat = (int)Math.Clamp(value, 1, int.MaxValue);
            }

            var outcome = new PgrItemOutcome(row.Text("item"), row.Number("student"), row.Number("base"), row.Number("reference"))
            {
                Repeat = repeat,
                StudentWeight = Weight("student_weight"),
                BaseWeight = Weight("base_weight"),
                ReferenceWeight = Weight("reference_weight"),
            };
            return row.HasErrors ? null : new { Key = key, Outcome = outcome, row.Line };
        });
        var known = scores.Select(s => Key(s.Generator, s.Method, s.Domain, s.Benchmark)).ToHashSet();
        foreach (var row in rows.Where(r => !known.Contains(r.Key)))
        {
            table.Errors.Add(new DataError(path, row.Line, "generator", $"({row.Key.Generator}, {row.Key.Method}/{row.Key.Domain}, {row.Key.Benchmark}) matches no row of the score file"));
        }

        table.ThrowIfErrors(rows.Count);
        var byKey = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<PgrItemOutcome>)[.. g.Select(r => r.Outcome)]);
        return [.. scores.Select(s => byKey.TryGetValue(Key(s.Generator, s.Method, s.Domain, s.Benchmark), out var items) ? s.WithItems(items) : s)];
    }

    private static (string Generator, string Method, string Domain, string Benchmark) Key(string generator, GenerationMethod method, BenchmarkDomain domain, string benchmark) =>
        (generator, AgoraBenchNames.ToName(method), AgoraBenchNames.ToName(domain), EvaluationBenchmarks.TryFind(benchmark, out var known) ? known.Id : benchmark.Trim());
}
