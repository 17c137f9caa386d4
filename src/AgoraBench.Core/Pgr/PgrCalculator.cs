namespace AgoraBench;

/// <summary>
/// The standard <see cref="IPgrCalculator"/>: PGR per benchmark as in the paper's Eq. 2, combined per setting by
/// <see cref="PgrCalculationOptions.Aggregation"/>, then averaged per method and overall. Values are never clipped.
/// Scores that carry per-problem outcomes (<see cref="BenchmarkScore.Items"/>) get paired bootstrap intervals on every
/// level and pairwise generator comparisons (<see cref="PgrReport.Comparisons"/>).
/// </summary>
public sealed class PgrCalculator : IPgrCalculator
{
    private readonly PgrCalculationOptions _defaults;

    /// <summary>Initializes a new instance of the <see cref="PgrCalculator"/> class with the default options.</summary>
    public PgrCalculator()
        : this(new PgrCalculationOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PgrCalculator"/> class.</summary>
    /// <param name="defaults">The options used when a call passes none; copied.</param>
    internal PgrCalculator(PgrCalculationOptions defaults)
    {
        _defaults = PgrCalculationOptionsValidator.Instance.ThrowIfInvalid(defaults, nameof(defaults)).Clone();
    }

    /// <inheritdoc />
    public PgrReport Calculate(IEnumerable<BenchmarkScore> scores, PgrCalculationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        options = PgrCalculationOptionsValidator.Instance.ThrowIfInvalid(options ?? _defaults, nameof(options));
        var errors = new List<DataError>();
        var groups = new Dictionary<(string Generator, AgoraBenchSetting Setting), List<(BenchmarkScore Score, string Benchmark, double Pgr)>>();
        var firstSeen = new Dictionary<(string, AgoraBenchSetting, string), (BenchmarkScore Score, int Position)>();
        var generatorOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        int position = 0;

        foreach (var score in scores)
        {
            position++;
            ArgumentNullException.ThrowIfNull(score, nameof(scores));
            if (!Enum.IsDefined(score.Method))
            {
                errors.Add(Error(score, position, null, "the method or domain is not defined"));
                continue;
            }

            int before = errors.Count;
            if (string.IsNullOrWhiteSpace(score.Generator))
            {
                errors.Add(Error(score, position, "generator", "the generator name is empty"));
            }

            string benchmark = NormalizeBenchmark(score.Benchmark);
            if (benchmark.Length == 0)
            {
                errors.Add(Error(score, position, "benchmark", "the benchmark name is empty"));
            }
            else if (EvaluationBenchmarks.TryFind(benchmark, out var known) && known.Domain != score.Domain)
            {
                errors.Add(Error(score, position, "benchmark", $"{known.DisplayName} is a {AgoraBenchNames.ToName(known.Domain)} benchmark, not a {AgoraBenchNames.ToName(score.Domain)} one"));
            }

            if (!PerformanceGapRecovered.TryCompute(score.Student, score.Base, score.Reference, out double pgr, out string? problem))
            {
                string field = !double.IsFinite(score.Student) ? "student" : !double.IsFinite(score.Base) ? "base" : "reference";
                errors.Add(Error(score, position, field, problem!));
            }

            if (score.Items is { } items)
            {
                var seen = new HashSet<(int, string)>();
                foreach (var item in items)
                {
                    ArgumentNullException.ThrowIfNull(item, nameof(scores));
                    if (item.Repeat < 1)
                    {
                        errors.Add(Error(score, position, "repeat", $"problem '{item.Item}' has repeat {item.Repeat}; repeats are numbered from 1"));
                    }
                    else if (!seen.Add((item.Repeat, item.Item ?? string.Empty)))
                    {
                        errors.Add(Error(score, position, "item", item.Repeat == 1 ? $"problem '{item.Item}' has two outcomes" : $"problem '{item.Item}' has two outcomes for repeat {item.Repeat}"));
                    }
                    else if (!double.IsFinite(item.Student) || !double.IsFinite(item.Base) || !double.IsFinite(item.Reference))
                    {
                        errors.Add(Error(score, position, "item", $"problem '{item.Item}' has an outcome that is not a finite number"));
                    }
                    else if (!(item.StudentWeight >= 0 && item.BaseWeight >= 0 && item.ReferenceWeight >= 0) || !double.IsFinite(item.StudentWeight + item.BaseWeight + item.ReferenceWeight))
                    {
                        errors.Add(Error(score, position, "weight", $"problem '{item.Item}' has a weight that is negative or not a finite number"));
                    }
                }
            }

            if (errors.Count != before)
            {
                continue;
            }

            var setting = score.Setting;
            var key = (score.Generator, setting, benchmark);
            if (firstSeen.TryGetValue(key, out var first))
            {
                errors.Add(Error(score, position, null, $"duplicate score; {Describe(first.Score, first.Position)} already gives this generator, setting and benchmark"));
                continue;
            }

            firstSeen[key] = (score, position);
            if (!groups.TryGetValue((score.Generator, setting), out var list))
            {
                groups[(score.Generator, setting)] = list = [];
                generatorOrder.TryAdd(score.Generator, generatorOrder.Count);
            }

            list.Add((score, benchmark, pgr));
        }

        if (options.RequireComplete && errors.Count == 0)
        {
            // The expected grid: the paper's nine settings when every score is of a paper domain, else every setting some
            // generator has; each setting needs the paper's benchmarks of its domain and every benchmark scored in that domain.
            var studied = groups.Keys.Select(k => k.Setting).Distinct().ToArray();
            IReadOnlyList<AgoraBenchSetting> expected = studied.All(s => s.Domain.IsBuiltIn) ? AgoraBenchSettings.All : [.. studied.OrderBy(s => s.Method).ThenBy(s => s.Domain)];
            var domainBenchmarks = groups
                .GroupBy(g => g.Key.Setting.Domain)
                .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value.Select(e => e.Benchmark)).ToHashSet(StringComparer.Ordinal));
            foreach (string generator in generatorOrder.Keys)
            {
                foreach (var setting in expected)
                {
                    var present = groups.TryGetValue((generator, setting), out var list) ? list.Select(e => e.Benchmark).ToHashSet(StringComparer.Ordinal) : [];
                    var needed = setting.Benchmarks.Select(b => b.Id).Union(domainBenchmarks.TryGetValue(setting.Domain, out var seen) ? seen.Order(StringComparer.Ordinal) : [], StringComparer.Ordinal);
                    var missing = needed.Where(b => !present.Contains(b)).ToArray();
                    if (missing.Length > 0)
                    {
                        errors.Add(new DataError(null, null, null, $"{generator}, {setting.Key}: missing scores for {string.Join(", ", missing)}"));
                    }
                }
            }
        }

        var cells = new List<SettingPgr>();
        foreach (var ((generator, setting), entries) in groups)
        {
            var ordered = entries.OrderBy(e => BenchmarkOrder(e.Benchmark)).ThenBy(e => e.Benchmark, StringComparer.Ordinal).ToArray();
            double value;
            if (options.Aggregation == PgrAggregation.PgrOfMean)
            {
                if (!PerformanceGapRecovered.TryCompute(
                        ordered.Average(e => e.Score.Student),
                        ordered.Average(e => e.Score.Base),
                        ordered.Average(e => e.Score.Reference),
                        out value,
                        out string? problem))
                {
                    errors.Add(new DataError(null, null, null, $"{generator}, {setting.Key}: with pgr-of-mean aggregation the mean {problem}"));
                    continue;
                }
            }
            else
            {
                value = ordered.Average(e => e.Pgr);
            }

            cells.Add(new SettingPgr(generator, setting, value)
            {
                Benchmarks = [.. ordered.Select(e => new BenchmarkPgr(e.Benchmark, e.Score.Student, e.Score.Base, e.Score.Reference, e.Pgr))],
            });
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        if (cells.Count == 0)
        {
            throw new DataValidationException("There are no scores to compute PGR from.");
        }

        var report = PgrReport.Create(cells.OrderBy(c => generatorOrder[c.Generator]), options.Aggregation);
        var byKey = firstSeen.ToDictionary(e => (e.Key.Item1, e.Key.Item2.Key, e.Key.Item3), e => e.Value.Score);
        return PgrBootstrap.Apply(report, byKey, options);
    }

    private static string NormalizeBenchmark(string? benchmark) =>
        EvaluationBenchmarks.TryFind(benchmark, out var known) ? known.Id : (benchmark ?? string.Empty).Trim();

    private static int BenchmarkOrder(string benchmark)
    {
        for (int i = 0; i < EvaluationBenchmarks.All.Count; i++)
        {
            if (EvaluationBenchmarks.All[i].Id == benchmark)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string Describe(BenchmarkScore score, int position) =>
        score.Line is int line ? $"line {line}" : $"score #{position}";

    private static DataError Error(BenchmarkScore score, int position, string? field, string message)
    {
        string identity = $"({score.Generator}, {SafeKey(score)}, {score.Benchmark})";
        return score.Line is int line
            ? new DataError(score.Source, line, field, $"{identity}: {message}")
            : new DataError(score.Source, null, field, $"score #{position} {identity}: {message}");
    }

    private static string SafeKey(BenchmarkScore score) =>
        Enum.IsDefined(score.Method) ? score.Setting.Key : $"{score.Method}/{score.Domain}";
}
