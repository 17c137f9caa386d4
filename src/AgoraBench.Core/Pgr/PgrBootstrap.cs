namespace AgoraBench;

/// <summary>
/// The paired item-level bootstrap behind every PGR interval. Each round draws, per benchmark, one resample of its
/// problems (with replacement) and applies it to every model evaluated on the benchmark: every generator's students,
/// the base and the reference model. Benchmark PGRs, setting, method, domain and overall scores, and the differences
/// between generators are all aggregated within each round, so their intervals come from the same resamples.
/// </summary>
/// <remarks>
/// <para>
/// A score moves with the weighted mean of its per-problem outcomes: in a round it is the reported score plus the change
/// of that mean. For accuracy-like scores (the mean of the outcomes) and Arena-Hard (each question's share of weighted
/// wins, weighted by its games) this recomputes the score from the resampled problems exactly; for AlpacaEval's
/// length-controlled win rate (length-adjusted shares) it centres the interval on the reported score.
/// </para>
/// <para>
/// When a cell's student was trained several times (outcomes with a <see cref="PgrItemOutcome.Repeat"/>), the student's
/// score is the mean over repeats and each round first draws the repeats with replacement (one draw per cell, shared by
/// its benchmarks), then the problems: a two-level bootstrap. A second set of replicates with the repeats held fixed
/// gives the evaluation-sample part of the spread (<see cref="PgrVariance"/>).
/// </para>
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

        // Per cell with several repeats: which repeats each round draws (a stream of its own, so single-repeat studies
        // draw exactly what they drew before repeats existed).
        var cellRepeats = scores.Where(s => s.Value.Items is { Count: > 0 })
            .GroupBy(s => (s.Key.Generator, s.Key.Setting))
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Value.Items!.Select(i => i.Repeat)).Distinct().Order().ToArray());
        var repeatRandom = new Random(unchecked((options.Seed * 7919) + 104729));
        var repeatDraws = new Dictionary<(string, string), int[][]>();
        foreach (var (cell, repeats) in cellRepeats.Where(c => c.Value.Length > 1).OrderBy(c => c.Key.Generator, StringComparer.Ordinal).ThenBy(c => c.Key.Setting, StringComparer.Ordinal))
        {
            var draws = new int[rounds][];
            for (int r = 0; r < rounds; r++)
            {
                draws[r] = [.. Enumerable.Range(0, repeats.Length).Select(_ => repeats[repeatRandom.Next(repeats.Length)])];
            }

            repeatDraws[cell] = draws;
        }

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

                foreach (var (key, row) in rows)
                {
                    row.Resample(r, draw, repeatDraws.TryGetValue((key.Generator, key.Setting), out var d) ? d[r] : null);
                }
            }

            foreach (var (key, row) in rows)
            {
                replicates[key] = row.Result;
            }
        }

        var cells = new List<SettingPgr>();
        var cellReplicates = new Dictionary<(string Generator, string Setting), double[]>();
        var cellFixed = new Dictionary<(string Generator, string Setting), double[]>();
        var cellRepeatValues = new Dictionary<(string Generator, string Setting), double[]>();
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

                benchmarks.Add(b.WithInterval(interval));
                parts.Add((rep, pgr));
            }

            ConfidenceInterval? cellInterval = null;
            PgrVariance? variance = null;
            if (complete && parts.Count > 0)
            {
                double Combine(Func<Replicates, double> student, Func<Replicates, double> baseModel, Func<Replicates, double> reference)
                {
                    if (report.Aggregation == PgrAggregation.PgrOfMean)
                    {
                        return PerformanceGapRecovered.TryCompute(parts.Average(p => student(p.Replicates)), parts.Average(p => baseModel(p.Replicates)), parts.Average(p => reference(p.Replicates)), out double v, out _) ? v : double.NaN;
                    }

                    return parts.Average(p => PerformanceGapRecovered.TryCompute(student(p.Replicates), baseModel(p.Replicates), reference(p.Replicates), out double v, out _) ? v : double.NaN);
                }

                var values = new double[rounds];
                for (int r = 0; r < rounds; r++)
                {
                    values[r] = Combine(p => p.Student[r], p => p.Base[r], p => p.Reference[r]);
                }

                cellInterval = problem is null ? Interval(cell.Value, values, level) : ConfidenceInterval.Undefined(cell.Value, level, rounds, problem);
                if (problem is null)
                {
                    cellReplicates[(cell.Generator, cell.Setting.Key)] = values;
                    int repeats = parts.Min(p => p.Replicates.RepeatScores.Length);
                    if (repeats > 1)
                    {
                        var held = new double[rounds];
                        for (int r = 0; r < rounds; r++)
                        {
                            held[r] = Combine(p => p.StudentFixed![r], p => p.Base[r], p => p.Reference[r]);
                        }

                        double[] perRepeat = [.. Enumerable.Range(0, repeats).Select(j => Combine(p => p.RepeatScores[j], p => p.BaseScore, p => p.ReferenceScore))];
                        cellFixed[(cell.Generator, cell.Setting.Key)] = held;
                        cellRepeatValues[(cell.Generator, cell.Setting.Key)] = perRepeat;
                        variance = new PgrVariance(repeats, perRepeat, SampleSd(perRepeat), SampleSd(held));
                    }
                }
            }

            cells.Add(new SettingPgr(cell.Generator, cell.Setting, cell.Value) { Benchmarks = benchmarks, Interval = cellInterval, Variance = variance });
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
                var keys = generator.Cells.Select(c => (c.Generator, c.Setting.Key)).ToArray();
                if (keys.All(cellFixed.ContainsKey))
                {
                    int repeats = keys.Min(k => cellRepeatValues[k].Length);
                    double[] perRepeat = [.. Enumerable.Range(0, repeats).Select(j => keys.Average(k => cellRepeatValues[k][j]))];
                    double[] held = [.. Enumerable.Range(0, rounds).Select(r => keys.Average(k => cellFixed[k][r]))];
                    generator.OverallVariance = new PgrVariance(repeats, perRepeat, SampleSd(perRepeat), SampleSd(held));
                }
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
            var kept = new Dictionary<string, double[]>(StringComparer.Ordinal);
            if (overall.TryGetValue(generator.Generator, out var overallSeries))
            {
                kept["overall"] = overallSeries;
            }

            foreach (var (domain, average) in generator.DomainAverages)
            {
                var subset = generator.Cells.Where(c => c.Setting.Domain == domain).ToArray();
                if (Mean(subset) is { } series)
                {
                    domains[domain] = Interval(average, series, level);
                    kept["domain:" + AgoraBenchNames.ToName(domain)] = series;
                }
                else if (Why(subset) is { } problem)
                {
                    domains[domain] = ConfidenceInterval.Undefined(average, level, rounds, problem);
                }
            }

            generator.MethodIntervals = methods;
            generator.DomainIntervals = domains;
            generator.Replicates = kept;
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
        return (Quantiles.Interpolated(finite, alpha), Quantiles.Interpolated(finite, 1 - alpha), values.Length - finite.Count);
    }

    private static double SampleSd(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length < 2)
        {
            return double.NaN;
        }

        double mean = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
    }

    /// <summary>
    /// The three scores of one generator × setting × benchmark in every round, the student's with its repeats held
    /// fixed (only when there are several), and each repeat's own score.
    /// </summary>
    private sealed record Replicates(double[] Student, double[] Base, double[] Reference, double[]? StudentFixed, double[] RepeatScores, double BaseScore, double ReferenceScore);

    /// <summary>One score's outcomes laid out over the benchmark's problem ids (per repeat for the student), and its replicates as they are drawn.</summary>
    private sealed class Row
    {
        private readonly double[][] _student;
        private readonly double[][] _studentWeight;
        private readonly double[] _base;
        private readonly double[] _baseWeight;
        private readonly double[] _reference;
        private readonly double[] _referenceWeight;
        private readonly bool[] _present;
        private readonly Dictionary<int, int> _repeatIndex;
        private readonly double[] _meanStudent;
        private readonly double _meanBase;
        private readonly double _meanReference;
        private readonly double _score;
        private readonly double _baseScore;
        private readonly double _referenceScore;

        public Row(BenchmarkScore score, int size, Dictionary<string, int> position, int rounds)
        {
            int[] repeats = [.. score.Items!.Select(i => i.Repeat).Distinct().Order()];
            _repeatIndex = repeats.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
            _student = [.. repeats.Select(_ => new double[size])];
            _studentWeight = [.. repeats.Select(_ => new double[size])];
            _base = new double[size];
            _baseWeight = new double[size];
            _reference = new double[size];
            _referenceWeight = new double[size];
            _present = new bool[size];
            foreach (var item in score.Items!)
            {
                int i = position[item.Item];
                int k = _repeatIndex[item.Repeat];
                _student[k][i] = item.Student;
                _studentWeight[k][i] = item.StudentWeight;
                _base[i] = item.Base;
                _baseWeight[i] = item.BaseWeight;
                _reference[i] = item.Reference;
                _referenceWeight[i] = item.ReferenceWeight;
                _present[i] = true;
            }

            // Means in the items' order (as the scores were averaged), weighted.
            _meanStudent = [.. repeats.Select(r => Mean(score.Items!.Where(i => i.Repeat == r).Select(i => (i.Student, i.StudentWeight))))];
            _meanBase = Mean(score.Items!.DistinctBy(i => i.Item).Select(i => (i.Base, i.BaseWeight)));
            _meanReference = Mean(score.Items!.DistinctBy(i => i.Item).Select(i => (i.Reference, i.ReferenceWeight)));
            _score = score.Student;
            _baseScore = score.Base;
            _referenceScore = score.Reference;

            // Each repeat's own score: its outcome mean, shifted so that the repeats average to the reported score.
            double shift = score.Student - _meanStudent.Average();
            Result = new Replicates(new double[rounds], new double[rounds], new double[rounds], repeats.Length > 1 ? new double[rounds] : null, [.. _meanStudent.Select(m => m + shift)], score.Base, score.Reference);
        }

        public Replicates Result { get; }

        public void Resample(int round, int[] draw, int[]? repeatDraw)
        {
            double b = 0, bw = 0, f = 0, fw = 0;
            var s = new double[_student.Length];
            var sw = new double[_student.Length];
            foreach (int i in draw)
            {
                if (_present[i])
                {
                    b += _base[i] * _baseWeight[i];
                    bw += _baseWeight[i];
                    f += _reference[i] * _referenceWeight[i];
                    fw += _referenceWeight[i];
                    for (int k = 0; k < s.Length; k++)
                    {
                        s[k] += _student[k][i] * _studentWeight[k][i];
                        sw[k] += _studentWeight[k][i];
                    }
                }
            }

            if (bw <= 0 || fw <= 0 || sw.Any(w => w <= 0))
            {
                Result.Student[round] = Result.Base[round] = Result.Reference[round] = double.NaN;
                if (Result.StudentFixed is { } none)
                {
                    none[round] = double.NaN;
                }

                return;
            }

            // A repeat's score in this round: its own score moved by the change of its outcome mean.
            double Moved(int k) => Result.RepeatScores[k] + ((s[k] / sw[k]) - _meanStudent[k]);
            if (repeatDraw is null || _student.Length == 1)
            {
                Result.Student[round] = _student.Length == 1 ? _score + ((s[0] / sw[0]) - _meanStudent[0]) : Enumerable.Range(0, s.Length).Average(Moved);
            }
            else
            {
                var drawn = repeatDraw.Where(_repeatIndex.ContainsKey).Select(r => _repeatIndex[r]).ToArray();
                Result.Student[round] = drawn.Length == 0 ? double.NaN : drawn.Average(Moved);
            }

            if (Result.StudentFixed is { } held)
            {
                held[round] = Enumerable.Range(0, s.Length).Average(Moved);
            }

            Result.Base[round] = _baseScore + ((b / bw) - _meanBase);
            Result.Reference[round] = _referenceScore + ((f / fw) - _meanReference);
        }

        private static double Mean(IEnumerable<(double Value, double Weight)> outcomes)
        {
            double sum = 0, weight = 0;
            foreach (var (value, w) in outcomes)
            {
                sum += value * w;
                weight += w;
            }

            return weight > 0 ? sum / weight : double.NaN;
        }
    }
}
