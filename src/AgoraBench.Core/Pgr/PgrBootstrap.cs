namespace AgoraBench;

/// <summary>
/// The paired item-level bootstrap behind every PGR interval. Each round draws, per benchmark, one resample of its
/// problems (with replacement) and applies it to every model evaluated on the benchmark: every generator's students,
/// the base and the reference model. Benchmark PGRs, setting, method, domain and overall scores, and the differences
/// between generators are all aggregated within each round, so their intervals come from the same resamples.
/// </summary>
/// <remarks>
/// A score moves with the mean of its per-problem outcomes: in a round it is the reported score plus the change of the
/// outcome mean. For accuracy-like scores (the mean of the outcomes) this is the plain bootstrap; for a score that is
/// not a mean (Bradley–Terry, length-controlled win rate) it centres the interval on the reported score.
/// </remarks>
internal static class PgrBootstrap
{
    /// <summary>Adds intervals and comparisons to a report computed from <paramref name="scores"/>; returns the report unchanged when no score has outcomes.</summary>
    public static PgrReport Apply(PgrReport report, IReadOnlyDictionary<(string Generator, string Setting, string Benchmark), BenchmarkScore> scores, PgrCalculationOptions options)
    {
        int rounds = options.BootstrapRounds;
        if (rounds == 0 || !scores.Values.Any(s => s.Items is { Count: > 0 }))
        {
            return report;
        }

        double level = options.Confidence;
        var random = new Random(options.Seed);

        // Per benchmark: the union of problem ids over every model, in ordinal order, so the draw does not depend on
        // the order of the input rows.
        var byBenchmark = scores.Where(s => s.Value.Items is { Count: > 0 })
            .GroupBy(s => s.Key.Benchmark, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var replicates = new Dictionary<(string, string, string), Replicates>();
        foreach (var group in byBenchmark)
        {
            string[] universe = [.. group.SelectMany(s => s.Value.Items!.Select(i => i.Item)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            var position = universe.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var rows = group.OrderBy(s => s.Key.Generator, StringComparer.Ordinal).ThenBy(s => s.Key.Setting, StringComparer.Ordinal)
                .Select(s => (s.Key, Row: new Row(s.Value, universe.Length, position, rounds)))
                .ToArray();
            var draw = new int[universe.Length];
            for (int r = 0; r < rounds; r++)
            {
                for (int i = 0; i < draw.Length; i++)
                {
                    draw[i] = random.Next(draw.Length);
                }

                foreach (var (_, row) in rows)
                {
                    row.Resample(r, draw);
                }
            }

            foreach (var (key, row) in rows)
            {
                replicates[key] = row.Result;
            }
        }

        var cells = new List<SettingPgr>();
        var cellReplicates = new Dictionary<(string Generator, string Setting), double[]>();
        foreach (var cell in report.Generators.SelectMany(g => g.Cells))
        {
            var benchmarks = new List<BenchmarkPgr>();
            var parts = new List<(Replicates Replicates, double[] Pgr)>();
            string? problem = null;
            bool complete = true;
            foreach (var b in cell.Benchmarks)
            {
                if (!replicates.TryGetValue((cell.Generator, cell.Setting.Key, b.Benchmark), out var rep))
                {
                    complete = false;
                    benchmarks.Add(b);
                    continue;
                }

                var pgr = new double[rounds];
                for (int r = 0; r < rounds; r++)
                {
                    pgr[r] = PerformanceGapRecovered.TryCompute(rep.Student[r], rep.Base[r], rep.Reference[r], out double v, out _) ? v : double.NaN;
                }

                var denominator = Percentiles(rep.Reference.Zip(rep.Base, (f, s) => f - s).ToArray(), level);
                var interval = Interval(b.Value, pgr, level);
                if (denominator.Lower <= 0 && denominator.Upper >= 0)
                {
                    string why = $"the {Percent(level)} interval of the denominator reference − base ([{denominator.Lower:0.##}, {denominator.Upper:0.##}]) includes 0, so PGR can take any value";
                    interval = ConfidenceInterval.Undefined(b.Value, level, rounds, why);
                    problem ??= $"{b.Benchmark}: {why}";
                }

                benchmarks.Add(b with { Interval = interval });
                parts.Add((rep, pgr));
            }

            ConfidenceInterval? cellInterval = null;
            if (complete && parts.Count > 0)
            {
                var values = new double[rounds];
                for (int r = 0; r < rounds; r++)
                {
                    if (report.Aggregation == PgrAggregation.PgrOfMean)
                    {
                        values[r] = PerformanceGapRecovered.TryCompute(parts.Average(p => p.Replicates.Student[r]), parts.Average(p => p.Replicates.Base[r]), parts.Average(p => p.Replicates.Reference[r]), out double v, out _) ? v : double.NaN;
                    }
                    else
                    {
                        values[r] = parts.Average(p => p.Pgr[r]);
                    }
                }

                cellInterval = problem is null ? Interval(cell.Value, values, level) : ConfidenceInterval.Undefined(cell.Value, level, rounds, problem);
                if (problem is null)
                {
                    cellReplicates[(cell.Generator, cell.Setting.Key)] = values;
                }
            }

            cells.Add(cell with { Benchmarks = benchmarks, Interval = cellInterval });
        }

        var result = PgrReport.Create(cells, report.Aggregation);
        result.Confidence = level;
        var overall = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var generator in result.Generators)
        {
            double[]? Mean(IEnumerable<SettingPgr> subset)
            {
                var series = subset.Select(c => cellReplicates.GetValueOrDefault((c.Generator, c.Setting.Key))).ToArray();
                if (series.Length == 0 || series.Any(s => s is null))
                {
                    return null;
                }

                var mean = new double[rounds];
                for (int r = 0; r < rounds; r++)
                {
                    mean[r] = series.Average(s => s![r]);
                }

                return mean;
            }

            string? Why(IEnumerable<SettingPgr> subset) =>
                subset.Select(c => c.Interval?.Problem is { } p ? $"{c.Setting.Key}: {p}" : null).FirstOrDefault(p => p is not null);

            if (Mean(generator.Cells) is { } all)
            {
                generator.OverallInterval = Interval(generator.Overall, all, level);
                overall[generator.Generator] = all;
            }
            else if (Why(generator.Cells) is { } problem)
            {
                generator.OverallInterval = ConfidenceInterval.Undefined(generator.Overall, level, rounds, problem);
            }

            var methods = new Dictionary<GenerationMethod, ConfidenceInterval>();
            foreach (var (method, average) in generator.MethodAverages)
            {
                var subset = generator.Cells.Where(c => c.Setting.Method == method).ToArray();
                if (Mean(subset) is { } series)
                {
                    methods[method] = Interval(average, series, level);
                }
                else if (Why(subset) is { } problem)
                {
                    methods[method] = ConfidenceInterval.Undefined(average, level, rounds, problem);
                }
            }

            var domains = new Dictionary<BenchmarkDomain, ConfidenceInterval>();
            foreach (var (domain, average) in generator.DomainAverages)
            {
                var subset = generator.Cells.Where(c => c.Setting.Domain == domain).ToArray();
                if (Mean(subset) is { } series)
                {
                    domains[domain] = Interval(average, series, level);
                }
                else if (Why(subset) is { } problem)
                {
                    domains[domain] = ConfidenceInterval.Undefined(average, level, rounds, problem);
                }
            }

            generator.MethodIntervals = methods;
            generator.DomainIntervals = domains;
        }

        var comparisons = new List<GeneratorComparison>();
        foreach (var a in result.Generators.Where(g => overall.ContainsKey(g.Generator)))
        {
            foreach (var b in result.Generators.Where(g => g.Generator != a.Generator && overall.ContainsKey(g.Generator)))
            {
                var x = overall[a.Generator];
                var y = overall[b.Generator];
                var difference = new double[rounds];
                double better = 0;
                int counted = 0;
                for (int r = 0; r < rounds; r++)
                {
                    difference[r] = x[r] - y[r];
                    if (double.IsFinite(difference[r]))
                    {
                        counted++;
                        better += difference[r] > 0 ? 1 : difference[r] == 0 ? 0.5 : 0;
                    }
                }

                comparisons.Add(new GeneratorComparison(a.Generator, b.Generator, Interval(a.Overall - b.Overall, difference, level), counted == 0 ? double.NaN : better / counted));
            }
        }

        result.Comparisons = comparisons;
        return result;
    }

    private static string Percent(double level) => (level * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static ConfidenceInterval Interval(double estimate, double[] values, double level)
    {
        var (lower, upper, skipped) = Percentiles(values, level);
        return new ConfidenceInterval(estimate, lower, upper, level, values.Length, skipped);
    }

    private static (double Lower, double Upper, int Skipped) Percentiles(double[] values, double level)
    {
        var finite = values.Where(double.IsFinite).ToList();
        finite.Sort();
        double alpha = (1 - level) / 2;
        return (Bootstrap.Quantile(finite, alpha), Bootstrap.Quantile(finite, 1 - alpha), values.Length - finite.Count);
    }

    /// <summary>The three scores of one generator × setting × benchmark in every round.</summary>
    private sealed record Replicates(double[] Student, double[] Base, double[] Reference);

    /// <summary>One score's outcomes laid out over the benchmark's problem ids, and its replicates as they are drawn.</summary>
    private sealed class Row
    {
        private readonly BenchmarkScore _score;
        private readonly double[] _student;
        private readonly double[] _base;
        private readonly double[] _reference;
        private readonly bool[] _present;
        private readonly double _meanStudent;
        private readonly double _meanBase;
        private readonly double _meanReference;

        public Row(BenchmarkScore score, int size, Dictionary<string, int> position, int rounds)
        {
            _score = score;
            _student = new double[size];
            _base = new double[size];
            _reference = new double[size];
            _present = new bool[size];
            foreach (var item in score.Items!)
            {
                int i = position[item.Item];
                _student[i] = item.Student;
                _base[i] = item.Base;
                _reference[i] = item.Reference;
                _present[i] = true;
            }

            _meanStudent = score.Items!.Average(i => i.Student);
            _meanBase = score.Items!.Average(i => i.Base);
            _meanReference = score.Items!.Average(i => i.Reference);
            Result = new Replicates(new double[rounds], new double[rounds], new double[rounds]);
        }

        public Replicates Result { get; }

        public void Resample(int round, int[] draw)
        {
            double s = 0, b = 0, f = 0;
            int n = 0;
            foreach (int i in draw)
            {
                if (_present[i])
                {
                    s += _student[i];
                    b += _base[i];
                    f += _reference[i];
                    n++;
                }
            }

            if (n == 0)
            {
                Result.Student[round] = Result.Base[round] = Result.Reference[round] = double.NaN;
                return;
            }

            Result.Student[round] = _score.Student + ((s / n) - _meanStudent);
            Result.Base[round] = _score.Base + ((b / n) - _meanBase);
            Result.Reference[round] = _score.Reference + ((f / n) - _meanReference);
        }
    }
}
