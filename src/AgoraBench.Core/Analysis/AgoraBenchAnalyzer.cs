namespace AgoraBench;

/// <summary>
/// Runs the analyses of the AGORABENCH paper (§5) on a study's tables: the leaderboard, problem-solving vs PGR
/// regressions (Fig. 4), PCA of the intrinsic features (Fig. 5, Table 4), PGR regressed on the principal components
/// (Fig. 6), and cost per instance, per study and per PGR point (Table 3), with an optional budget view.
/// </summary>
/// <remarks>
/// Every part that cannot be computed — missing inputs, a constant feature, too few observations — is skipped and
/// explained in <see cref="AgoraBenchAnalysis.Diagnostics"/>; observations with a missing value are excluded and
/// counted. No result is ever NaN.
/// </remarks>
public static class AgoraBenchAnalyzer
{
    /// <summary>The name of the problem-solving feature in the PCA.</summary>
    internal const string ProblemSolvingFeature = "problem_solving";

    /// <summary>Analyzes a study.</summary>
    /// <param name="input">The study's tables.</param>
    /// <param name="options">Options, or <see langword="null"/> for the paper's defaults.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="DataValidationException">The PGR cells are invalid (duplicates, non-finite values).</exception>
    public static AgoraBenchAnalysis Analyze(AnalysisInput input, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new AnalysisOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var diagnostics = new List<AnalysisDiagnostic>();
        var leaderboard = PgrReport.Create(input.Cells);
        if (input.Leaderboard is { } measured && SameCells(measured, leaderboard))
        {
            // The same cells with their bootstrap intervals and pairwise comparisons.
            leaderboard = measured;
        }
        var coarse = Coarse(input, leaderboard, diagnostics);
        var fine = Fine(input, leaderboard, diagnostics);
        var (pca, observations, pcRegression) = Pca(input, leaderboard, options, diagnostics);
        var costs = Costs(input, leaderboard, options, diagnostics);
        var budget = Budget(input, costs, leaderboard, options, diagnostics);
        return new AgoraBenchAnalysis
        {
            Leaderboard = leaderboard,
            Coarse = coarse,
            Fine = fine,
            Pca = pca,
            PcaObservations = observations,
            PcRegression = pcRegression,
            Costs = costs,
            Budget = budget,
            BudgetDecision = options.BudgetUsdPerSetting is double perSetting && costs.Count > 0
                ? BudgetDecision.Decide(leaderboard, costs.Select(c => new BudgetCandidate(c.Generator, c.UsdPerSetting) { Instances = options.InstancesPerSetting }), perSetting)
                : null,
            Options = options,
            IntrinsicMetrics = input.IntrinsicMetrics,
            Spend = input.Spend,
            Diagnostics = diagnostics,
        };
    }

    internal static double? DomainProblemSolving(AnalysisInput input, string generator, BenchmarkDomain domain)
    {
        var scores = input.ProblemSolving
            .Where(s => s.Generator == generator && EvaluationBenchmarks.TryFind(s.Benchmark, out var b) && b.Domain == domain)
            .Select(s => s.Score)
            .ToArray();
        return scores.Length == 0 ? null : scores.Average();
    }

    private static ProblemSolvingRegression? Coarse(AnalysisInput input, PgrReport leaderboard, List<AnalysisDiagnostic> diagnostics)
    {
        const string Stage = "regression.coarse";
        if (input.ProblemSolving.Count == 0 && input.ReportedProblemSolvingAverage.Count == 0)
        {
            diagnostics.Add(new(Stage, "skipped: no problem-solving scores were given"));
            return null;
        }

        var points = new List<AnalysisPoint>();
        foreach (var generator in leaderboard.Generators)
        {
            double? x = input.ReportedProblemSolvingAverage.TryGetValue(generator.Generator, out double reported)
                ? reported
                : input.ProblemSolving.Where(s => s.Generator == generator.Generator).Select(s => s.Score).DefaultIfEmpty(double.NaN).Average();
            double y = input.ReportedOverallPgr.TryGetValue(generator.Generator, out double reportedY) ? reportedY : generator.Overall;
            if (x is not double value || double.IsNaN(value))
            {
                diagnostics.Add(new(Stage, $"{generator.Generator} excluded: no problem-solving scores"));
                continue;
            }

            points.Add(new AnalysisPoint(generator.Generator, value, y));
        }

        return Regress(Stage, "coarse", points, "problem_solving", diagnostics);
    }

    private static ProblemSolvingRegression? Fine(AnalysisInput input, PgrReport leaderboard, List<AnalysisDiagnostic> diagnostics)
    {
        const string Stage = "regression.fine";
        if (input.ProblemSolving.Count == 0)
        {
            diagnostics.Add(new(Stage, "skipped: no per-benchmark problem-solving scores were given"));
            return null;
        }

        var points = new List<AnalysisPoint>();
        int excluded = 0;
        foreach (var cell in leaderboard.Generators.SelectMany(g => g.Cells))
        {
            if (DomainProblemSolving(input, cell.Generator, cell.Setting.Domain) is double x)
            {
                points.Add(new AnalysisPoint($"{cell.Generator} · {cell.Setting.Key}", x, cell.Value));
            }
            else
            {
                excluded++;
            }
        }

        if (excluded > 0)
        {
            diagnostics.Add(new(Stage, $"{excluded} cell(s) excluded: the generator has no score on the domain's benchmarks"));
        }

        return Regress(Stage, "fine", points, "domain_problem_solving", diagnostics);
    }

    private static ProblemSolvingRegression? Regress(string stage, string kind, List<AnalysisPoint> points, string name, List<AnalysisDiagnostic> diagnostics)
    {
        try
        {
            double[] x = [.. points.Select(p => p.X)];
            double[] y = [.. points.Select(p => p.Y)];
            return new ProblemSolvingRegression(kind, LinearRegression.FitSimple(x, y, name), Correlations.Pearson(x, y), Correlations.Spearman(x, y), points);
        }
        catch (DataValidationException ex)
        {
            diagnostics.Add(new(stage, "skipped: " + ex.Message));
            return null;
        }
    }

    private static (PcaResult?, IReadOnlyList<string>, PcRegressionResult?) Pca(AnalysisInput input, PgrReport leaderboard, AnalysisOptions options, List<AnalysisDiagnostic> diagnostics)
    {
        if (input.IntrinsicMetrics.Count == 0)
        {
            diagnostics.Add(new("pca", "skipped: no intrinsic metrics were given"));
            diagnostics.Add(new("pc_regression", "skipped: no PCA"));
            return (null, [], null);
        }

        var metricNames = input.IntrinsicMetrics.Select(m => m.Metric).Distinct(StringComparer.Ordinal).ToList();
        var lookup = new Dictionary<(string, AgoraBenchSetting, string), double>();
        foreach (var metric in input.IntrinsicMetrics)
        {
            if (!lookup.TryAdd((metric.Generator, metric.Setting, metric.Metric), metric.Value))
            {
                throw new DataValidationException($"The intrinsic metric {metric.Metric} is given twice for {metric.Generator}, {metric.Setting.Key}.");
            }
        }

        bool withProblemSolving = input.ProblemSolving.Count > 0;
        var features = new List<string>(metricNames);
        if (withProblemSolving)
        {
            features.Add(ProblemSolvingFeature);
        }
        else
        {
            diagnostics.Add(new("pca", "problem-solving is not a feature: no problem-solving scores were given"));
        }

        var rows = new List<IReadOnlyList<double>>();
        var labels = new List<string>();
        var pgr = new List<double>();
        var missing = new List<string>();
        foreach (var cell in leaderboard.Generators.SelectMany(g => g.Cells))
        {
            var row = new List<double>(features.Count);
            foreach (string metric in metricNames)
            {
                if (lookup.TryGetValue((cell.Generator, cell.Setting, metric), out double value) && double.IsFinite(value))
                {
                    row.Add(value);
                }
            }

            double? ps = withProblemSolving ? DomainProblemSolving(input, cell.Generator, cell.Setting.Domain) : null;
            if (ps is double p)
            {
                row.Add(p);
            }

            if (row.Count == features.Count)
            {
                rows.Add(row);
                labels.Add($"{cell.Generator} · {cell.Setting.Key}");
                pgr.Add(cell.Value);
            }
            else
            {
                missing.Add($"{cell.Generator} · {cell.Setting.Key}");
            }
        }

        if (missing.Count > 0)
        {
            diagnostics.Add(new("pca", $"{missing.Count} observation(s) excluded for a missing feature value: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : string.Empty)}"));
        }

        PcaResult pca;
        try
        {
            pca = PrincipalComponentAnalysis.Fit(rows, features);
        }
        catch (DataValidationException ex) when (ex.Errors.All(e => e.Field is not null) && rows.Count >= 2)
        {
            var constant = ex.Errors.Select(e => e.Field!).ToHashSet(StringComparer.Ordinal);
            diagnostics.Add(new("pca", $"feature(s) left out because they are constant: {string.Join(", ", constant)}"));
            int[] keep = [.. Enumerable.Range(0, features.Count).Where(i => !constant.Contains(features[i]))];
            if (keep.Length == 0)
            {
                diagnostics.Add(new("pca", "skipped: every feature is constant"));
                return (null, [], null);
            }

            features = [.. keep.Select(i => features[i])];
            rows = [.. rows.Select(r => (IReadOnlyList<double>)[.. keep.Select(i => r[i])])];
            pca = PrincipalComponentAnalysis.Fit(rows, features);
        }
        catch (DataValidationException ex)
        {
            diagnostics.Add(new("pca", "skipped: " + ex.Message));
            diagnostics.Add(new("pc_regression", "skipped: no PCA"));
            return (null, [], null);
        }

        int k = Math.Min(options.PrincipalComponents, features.Count);
        if (k < options.PrincipalComponents)
        {
            diagnostics.Add(new("pc_regression", $"uses {k} component(s): there are only {features.Count} feature(s)"));
        }

        try
        {
            var regression = LinearRegression.Fit(
                [.. pca.Scores.Select(s => (IReadOnlyList<double>)[.. s.Take(k)])],
                pgr,
                [.. Enumerable.Range(1, k).Select(i => "PC" + i)]);
            var prediction = LinearRegression.FitSimple(regression.Fitted, pgr, "predicted");
            var points = labels.Select((l, i) => new AnalysisPoint(l, regression.Fitted[i], pgr[i])).ToArray();
            return (pca, labels, new PcRegressionResult(k, regression, prediction.PValue, points));
        }
        catch (DataValidationException ex)
        {
            diagnostics.Add(new("pc_regression", "skipped: " + ex.Message));
            return (pca, labels, null);
        }
    }

    private static List<GeneratorCost> Costs(AnalysisInput input, PgrReport leaderboard, AnalysisOptions options, List<AnalysisDiagnostic> diagnostics)
    {
        var costs = new List<GeneratorCost>();
        if (input.Prices.Count == 0)
        {
            diagnostics.Add(new("cost", "skipped: no prices were given"));
            return costs;
        }

        bool assumed = false;
        foreach (var generator in leaderboard.Generators)
        {
            var price = input.Prices.FirstOrDefault(p => p.Generator == generator.Generator);
            if (price is null)
            {
                diagnostics.Add(new("cost", $"{generator.Generator} has no price"));
                continue;
            }

            var usage = input.Usage.Where(u => u.Generator == generator.Generator).ToArray();
            long instances = usage.Sum(u => u.Instances);
            bool measured = instances > 0;
            double inputPerInstance = measured ? (double)usage.Sum(u => u.InputTokens) / instances : options.AssumedInputTokensPerInstance;
            double outputPerInstance = measured ? (double)usage.Sum(u => u.OutputTokens) / instances : options.AssumedOutputTokensPerInstance;
            assumed |= !measured;
            double perInstance = price.Cost(inputPerInstance, outputPerInstance);
            double perStudy = perInstance * options.InstancesPerSetting * generator.Cells.Count;
            costs.Add(new GeneratorCost(
                generator.Generator,
                price,
                inputPerInstance,
                outputPerInstance,
                measured,
                perInstance,
                perInstance * options.InstancesPerSetting,
                perStudy,
                generator.Overall,
                perStudy > 0 ? generator.Overall / perStudy : 0));
        }

        if (assumed)
        {
            diagnostics.Add(new(
                "cost",
                $"no token usage recorded for some generators; assumed {options.AssumedInputTokensPerInstance} input and {options.AssumedOutputTokensPerInstance} output tokens per instance (ratios between generators do not depend on this)"));
        }

        return costs;
    }

    private static List<BudgetOption> Budget(AnalysisInput input, List<GeneratorCost> costs, PgrReport leaderboard, AnalysisOptions options, List<AnalysisDiagnostic> diagnostics)
    {
        var options_ = new List<BudgetOption>();
        if (options.BudgetUsdPerSetting is not double budget)
        {
            return options_;
        }

        foreach (var cost in costs)
        {
            var points = input.ScalingPoints
                .Where(p => p.Generator == cost.Generator && p.Instances > 0)
                .Select(p => (p.Instances, p.Pgr))
                .Append((options.InstancesPerSetting, leaderboard[cost.Generator].Overall))
                .GroupBy(p => p.Item1)
                .Select(g => (Instances: g.Key, Pgr: g.First().Item2))
                .OrderBy(p => p.Instances)
                .ToArray();
            int affordable = cost.UsdPerInstance > 0 ? (int)Math.Min(int.MaxValue, Math.Floor(budget / cost.UsdPerInstance)) : int.MaxValue;
            if (affordable < points[0].Instances)
            {
                diagnostics.Add(new("budget", $"{cost.Generator}: the budget buys {affordable} instances per setting, fewer than the smallest measured size ({points[0].Instances})"));
                continue;
            }

            int instances = Math.Min(affordable, points[^1].Instances);
            double predicted;
            string basis;
            if (points.Length == 1)
            {
                predicted = points[0].Pgr;
                basis = $"measured at {points[0].Instances} instances";
            }
            else
            {
                int upper = Array.FindIndex(points, p => p.Instances >= instances);
                if (points[upper].Instances == instances)
                {
                    predicted = points[upper].Pgr;
                    basis = $"measured at {instances} instances";
                }
                else
                {
                    var (x0, y0) = points[upper - 1];
                    var (x1, y1) = points[upper];
                    double t = (Math.Log(instances) - Math.Log(x0)) / (Math.Log(x1) - Math.Log(x0));
                    predicted = y0 + (t * (y1 - y0));
                    basis = $"interpolated between {x0} and {x1} instances";
                }
            }

            options_.Add(new BudgetOption(cost.Generator, instances, instances * cost.UsdPerInstance, predicted, basis));
        }

        return [.. options_.OrderByDescending(o => o.PredictedPgr).ThenBy(o => o.UsdPerSetting)];
    }

    private static bool SameCells(PgrReport a, PgrReport b)
    {
        var left = a.Generators.SelectMany(g => g.Cells).ToDictionary(c => (c.Generator, c.Setting.Key), c => c.Value);
        var right = b.Generators.SelectMany(g => g.Cells).ToArray();
        return left.Count == right.Length && right.All(c => left.TryGetValue((c.Generator, c.Setting.Key), out double v) && Math.Abs(v - c.Value) <= 1e-9 * Math.Max(1, Math.Abs(v)));
    }
}
