namespace AgoraBench;

/// <summary>
/// <c>pgr.json</c>: the aggregation, the generators by rank and, when the report has intervals, the confidence level
/// and the paired comparisons.
/// </summary>
internal sealed record PgrReportDocument
{
    public required string Aggregation { get; init; }

    public required IReadOnlyList<PgrGeneratorDocument> Generators { get; init; }

    public double? Confidence { get; init; }

    public IReadOnlyList<PgrComparisonDocument>? Comparisons { get; init; }

    public static PgrReportDocument From(PgrReport report) => new()
    {
        Aggregation = PgrCalculationOptions.ToName(report.Aggregation),
        Generators = [.. report.Generators.Select(g => PgrGeneratorDocument.From(g, detailed: true))],
        Confidence = report.Confidence,
        Comparisons = report.Confidence is null ? null : [.. report.Comparisons.Select(PgrComparisonDocument.From)],
    };

    /// <summary>
    /// The report this file was written from. The file keeps every value the report shows but not the number of
    /// bootstrap resamples, which the caller passes (the run's option); ranks are recomputed from the overall PGRs.
    /// </summary>
    /// <exception cref="DataValidationException">A name in the file is not a known aggregation, method, domain or setting.</exception>
    public PgrReport ToReport(string source, int rounds)
    {
        var errors = new List<DataError>();
        if (!PgrCalculationOptions.TryParseAggregation(Aggregation, out var aggregation))
        {
            errors.Add(new DataError(source, null, "aggregation", $"'{Aggregation}' is not a known aggregation"));
        }

        double confidence = Confidence ?? double.NaN;
        var cells = new List<SettingPgr>();
        for (int i = 0; i < Generators.Count; i++)
        {
            var g = Generators[i];
            foreach (var (key, value) in g.Cells)
            {
                if (!AgoraBenchSetting.TryParse(key, out var setting))
                {
                    errors.Add(new DataError(source, null, $"generators[{i}].cells.{key}", $"'{key}' is not a setting (method/domain)"));
                    continue;
                }

                var benchmarks = g.Benchmarks?.GetValueOrDefault(key);
                cells.Add(new SettingPgr(g.Generator, setting, value)
                {
                    Benchmarks = benchmarks is null ? [] : [.. benchmarks.Select(b => b.Value.ToBenchmark(b.Key, confidence, rounds))],
                    Interval = g.Intervals?.Cells.GetValueOrDefault(key)?.ToInterval(value, confidence, rounds),
                    Variance = g.Repeats?.Cells.GetValueOrDefault(key)?.ToVariance(),
                });
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        var report = PgrReport.Create(cells, aggregation);
        foreach (var generator in report.Generators)
        {
            var written = Generators.First(d => string.Equals(d.Generator, generator.Generator, StringComparison.Ordinal));
            generator.OverallVariance = written.Repeats?.Overall?.ToVariance();
            if (written.Intervals is { } intervals)
            {
                generator.OverallInterval = intervals.Overall?.ToInterval(generator.Overall, confidence, rounds);
                generator.MethodIntervals = generator.MethodAverages
                    .Where(m => intervals.Methods.ContainsKey(AgoraBenchNames.ToName(m.Key)))
                    .ToDictionary(m => m.Key, m => intervals.Methods[AgoraBenchNames.ToName(m.Key)].ToInterval(m.Value, confidence, rounds));
                generator.DomainIntervals = generator.DomainAverages
                    .Where(d => intervals.Domains.ContainsKey(AgoraBenchNames.ToName(d.Key)))
                    .ToDictionary(d => d.Key, d => intervals.Domains[AgoraBenchNames.ToName(d.Key)].ToInterval(d.Value, confidence, rounds));
            }
        }

        report.Confidence = Confidence;
        report.Comparisons = Comparisons is null ? [] : [.. Comparisons.Select(c => c.ToComparison(confidence, rounds))];
        return report;
    }
}
