using System.Globalization;

namespace AgoraBench;

/// <summary>
/// Forecasts PGR before any student is trained, from the intrinsic metrics of the generated data: ridge regression on
/// standardised features, its penalty chosen by leave-one-generator-out cross-validation, prediction intervals from
/// the cross-validated residuals (split conformal), and an honest report of its error on unseen generators next to a
/// mean-only baseline validated the same way.
/// </summary>
/// <remarks>
/// Every observation is a generator in a setting. Validation always leaves out every cell of one generator at once,
/// because a forecast is asked about a generator the model has not seen. See <c>docs/analysis.md</c> for why this
/// model, and what it achieves on the paper's data.
/// </remarks>
public static class PgrForecaster
{
    /// <summary>The fewest generators with observed PGR a forecast is validated on.</summary>
    internal const int MinimumGenerators = 4;

    /// <summary>Fits the forecast, validates it, and predicts every cell that has intrinsic metrics but no PGR.</summary>
    /// <param name="input">Observed cells, intrinsic metrics and optional problem-solving scores; usually <see cref="ForecastInput.FromPaper"/> plus the user's runs.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="DataValidationException">The data cannot support a forecast: an unknown or missing feature, duplicate values, too few generators; every problem is listed.</exception>
    internal static PgrForecast Forecast(ForecastInput input, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options = ForecastOptionsValidator.Instance.ThrowIfInvalid(options ?? new ForecastOptions(), nameof(options));

        var errors = new List<DataError>();
        var notes = new List<string>();
        var metrics = new Dictionary<(string, AgoraBenchSetting, string), double>();
        var metricNames = new List<string>();
        var measuredCells = new List<(string Generator, AgoraBenchSetting Setting)>();
        foreach (var value in input.IntrinsicMetrics)
        {
            string name = ForecastFeatures.Canonical(value.Metric);
            if (!double.IsFinite(value.Value))
            {
                continue;
            }

            if (!metrics.TryAdd((value.Generator, value.Setting, name), value.Value))
            {
                errors.Add(new DataError(Origin(input, value.Generator, value.Setting), null, name, $"{Label(value.Generator, value.Setting)}: the metric is given twice."));
            }

            if (!metricNames.Contains(name))
            {
                metricNames.Add(name);
            }

            if (!measuredCells.Contains((value.Generator, value.Setting)))
            {
                measuredCells.Add((value.Generator, value.Setting));
            }
        }

        var observed = new Dictionary<(string, AgoraBenchSetting), double>();
        var observedOrder = new List<(string Generator, AgoraBenchSetting Setting)>();
        foreach (var cell in input.Cells)
        {
            if (!double.IsFinite(cell.Value))
            {
                errors.Add(new DataError(Origin(input, cell.Generator, cell.Setting), null, "pgr", $"{Label(cell.Generator, cell.Setting)}: PGR is not a finite number."));
            }
            else if (!observed.TryAdd((cell.Generator, cell.Setting), cell.Value))
            {
                errors.Add(new DataError(Origin(input, cell.Generator, cell.Setting), null, "pgr", $"{Label(cell.Generator, cell.Setting)}: the cell's PGR is given twice (is a run given twice, or does a run's generator have the name of one of the paper's?)."));
            }
            else
            {
                observedOrder.Add((cell.Generator, cell.Setting));
            }
        }

        var problemSolving = DomainProblemSolving(input.ProblemSolving);
        // The library's metrics in their documented order, then the reward model, then any other metric by name.
        string[] known = [.. IntrinsicMetricNames.All, IntrinsicMetricNames.RewardModelQuality];
        var candidates = metricNames.OrderBy(n => Array.IndexOf(known, n) is int i && i >= 0 ? i : known.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
        if (problemSolving.Count > 0)
        {
            candidates.Add(ForecastFeatures.ProblemSolving);
        }

        double? Feature(string generator, AgoraBenchSetting setting, string feature) =>
            feature == ForecastFeatures.ProblemSolving
                ? problemSolving.TryGetValue((generator, setting.Domain), out double ps) ? ps : null
                : metrics.TryGetValue((generator, setting, feature), out double v) ? v : null;

        var targets = measuredCells.Where(c => !observed.ContainsKey(c)).ToList();
        List<string> features;
        if (options.Features.Count > 0)
        {
            features = [.. options.Features.Select(ForecastFeatures.Canonical).Distinct(StringComparer.Ordinal)];
            foreach (string unknown in features.Where(f => !candidates.Contains(f)))
            {
                errors.Add(new DataError(null, null, unknown, $"unknown metric '{unknown}': the data has {(candidates.Count == 0 ? "no metric" : string.Join(", ", candidates))}."));
            }

            foreach (var (generator, setting) in targets)
            {
                string[] missing = [.. features.Where(f => candidates.Contains(f) && Feature(generator, setting, f) is null)];
                if (missing.Length > 0)
                {
                    errors.Add(new DataError(Origin(input, generator, setting), null, string.Join(", ", missing), $"{Label(generator, setting)} has no value for {string.Join(", ", missing)}, so it cannot be forecast on these features."));
                }
            }
        }
        else
        {
            // Every feature the cells to forecast all have, kept only when no observed cell is lost by it (a metric
            // only a pilot measured cannot be learnt from the paper's cells, so it is left out, not the paper).
            var measuredObserved = observedOrder.Where(c => measuredCells.Contains(c)).ToList();
            var basis = targets.Count > 0 ? targets : measuredObserved;
            features = [];
            var usable = measuredObserved;
            foreach (string candidate in candidates)
            {
                var lacking = basis.Where(c => Feature(c.Generator, c.Setting, candidate) is null).ToList();
                if (lacking.Count > 0)
                {
                    notes.Add($"feature {candidate} left out: {lacking.Count} {(targets.Count > 0 ? "cell(s) to forecast" : "observed cell(s)")} lack it ({Sample(lacking)})");
                    continue;
                }

                var still = usable.Where(c => Feature(c.Generator, c.Setting, candidate) is not null).ToList();
                if (still.Count < usable.Count)
                {
                    var lost = usable.Where(c => Feature(c.Generator, c.Setting, candidate) is null).ToList();
                    notes.Add($"feature {candidate} left out: {lost.Count} observed cell(s) lack it ({Sample(lost)}), and they would be lost for training");
                    continue;
                }

                features.Add(candidate);
            }

            if (features.Count == 0 && errors.Count == 0)
            {
                errors.Add(new DataError(null, null, null, targets.Count > 0
                    ? $"the cells to forecast share no intrinsic metric ({Sample(targets)}); measure the same metrics for every cell (plan 'metrics.names')."
                    : "no observed cell has intrinsic metrics, so there is nothing to learn from."));
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        // Training rows: observed cells with every feature.
        var rows = new List<double[]>();
        var y = new List<double>();
        var groups = new List<string>();
        var labels = new List<(string Generator, AgoraBenchSetting Setting)>();
        var excluded = new List<(string, AgoraBenchSetting)>();
        int published = 0;
        var publishedKeys = input.Cells.Take(input.PublishedCells).Select(c => (c.Generator, c.Setting)).ToHashSet();
        foreach (var (generator, setting) in observedOrder)
        {
            double?[] values = [.. features.Select(f => Feature(generator, setting, f))];
            if (values.Any(v => v is null))
            {
                excluded.Add((generator, setting));
                continue;
            }

            rows.Add([.. values.Select(v => v!.Value)]);
            y.Add(observed[(generator, setting)]);
            groups.Add(generator);
            labels.Add((generator, setting));
            published += publishedKeys.Contains((generator, setting)) ? 1 : 0;
        }

        if (excluded.Count > 0)
        {
            notes.Add($"{excluded.Count} observed cell(s) not used for lack of a feature value ({Sample(excluded)})");
        }

        int generators = groups.Distinct(StringComparer.Ordinal).Count();
        if (generators < MinimumGenerators)
        {
            throw new DataValidationException(
                $"a forecast needs observed PGR for at least {MinimumGenerators} generators with the features {string.Join(", ", features)}, to validate it by leaving one generator out; there are {generators}.");
        }

        var cv = new ForecastCrossValidation(rows, y, groups);
        var penalties = options.Penalties.ToArray();
        var ridge = cv.Ridge(penalties);
        var (predictions, halfWidths) = cv.Validate(ridge, options.Level);
        var (meanPredictions, meanHalfWidths) = cv.Validate(cv.Mean, options.Level);
        int[] all = [.. Enumerable.Range(0, rows.Count)];
        double[] residuals = [.. all.Select(i => y[i] - predictions[i])];
        double[] meanResiduals = [.. all.Select(i => y[i] - meanPredictions[i])];
        var validation = new ForecastValidation(
            generators,
            rows.Count,
            options.Level,
            residuals.Average(Math.Abs),
            Math.Sqrt(residuals.Average(r => r * r)),
            all.Count(i => Math.Abs(residuals[i]) <= halfWidths[i]) / (double)rows.Count,
            meanResiduals.Average(Math.Abs),
            Math.Sqrt(meanResiduals.Average(r => r * r)),
            all.Count(i => Math.Abs(meanResiduals[i]) <= meanHalfWidths[i]) / (double)rows.Count);

        int smallestInner = rows.Count - groups.GroupBy(g => g, StringComparer.Ordinal).Max(g => g.Count());
        if (ForecastCrossValidation.TooFewForLevel(smallestInner, options.Level))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"too few observations for {options.Level:P0} intervals: some use the largest residual and may be too narrow"));
        }

        double penalty = cv.SelectPenalty(penalties, all);
        var model = cv.RidgeFit(all, penalty);
        double halfWidth = ForecastCrossValidation.ConformalHalfWidth([.. residuals.Select(Math.Abs)], options.Level);
        var forecasts = targets.Select(t =>
        {
            double predicted = model.Predict([.. features.Select(f => Feature(t.Generator, t.Setting, f)!.Value)]);
            return new ForecastPrediction(t.Generator, t.Setting, predicted, predicted - halfWidth, predicted + halfWidth, null);
        }).ToArray();
        var crossValidated = all.Select(i => new ForecastPrediction(labels[i].Generator, labels[i].Setting, predictions[i], predictions[i] - halfWidths[i], predictions[i] + halfWidths[i], y[i])).ToArray();
        return new PgrForecast
        {
            Features = features,
            Penalty = penalty,
            IntervalHalfWidth = halfWidth,
            Validation = validation,
            Predictions = forecasts,
            CrossValidated = crossValidated,
            PublishedObservations = published,
            Notes = notes,
        };
    }

    /// <summary>
    /// Forecasts from the paper's published cells plus every finished cell of the given run folders, and predicts each
    /// cell of those runs that has intrinsic metrics but no PGR yet (a pilot: a run whose students were not trained). A
    /// run folder gives every generated cell's intrinsic metrics (<c>cells/…/metrics.json</c>), the PGR of the cells
    /// that have one (<c>pgr/pgr.csv</c>) and the generators' problem-solving scores (<c>analysis/problem_solving.csv</c>)
    /// when the run measured them. With no folder, the forecast is validated on the paper's data alone. What
    /// <c>agorabench forecast</c> does.
    /// </summary>
    /// <param name="runDirectories">The run folders (none for the paper's data alone).</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the reads.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="DataValidationException">
    /// A folder is not a run folder, has no generated data, or a generated cell has no intrinsic metrics (every problem
    /// of every folder is listed), or the data cannot support a forecast (an unknown or missing feature, duplicate
    /// values, too few generators).
    /// </exception>
    /// <exception cref="ArgumentException">The options are invalid (parameter <c>options</c>); every problem is listed.</exception>
    public static async Task<PgrForecast> ForecastAsync(IEnumerable<string> runDirectories, ForecastOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runDirectories);
        var input = ForecastInput.FromPaper();
        var errors = new List<DataError>();
        foreach (string folder in runDirectories)
        {
            try
            {
                input = input.Concat(await ReadRunAsync(folder, cancellationToken).ConfigureAwait(false));
            }
            catch (DataValidationException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        return Forecast(input, options);
    }

    /// <summary>Writes a forecast as Markdown (predictions with their intervals, the validation and the verdict), CSV (one row per predicted cell) or JSON.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <param name="format">The format.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Format(PgrForecast forecast, PgrReportFormat format) => ForecastWriter.ToString(forecast, format);

    /// <summary>
    /// Reads a run folder for a forecast: every generated cell's intrinsic metrics (<c>cells/…/metrics.json</c>), the
    /// PGR of the cells that have one (<c>pgr/pgr.csv</c>), and the generators' problem-solving scores
    /// (<c>analysis/problem_solving.csv</c>) when the run measured them. A pilot — a run whose students were not trained
    /// yet — gives cells to forecast.
    /// </summary>
    /// <param name="runDirectory">The run folder.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The run's part of a forecast input; combine it with <see cref="ForecastInput.FromPaper"/>.</returns>
    /// <exception cref="DataValidationException">The folder is not a run folder, has no generated data, or a generated cell has no intrinsic metrics; every problem is listed.</exception>
    internal static Task<ForecastInput> ReadRunAsync(string runDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        return RunForecastReader.ReadAsync(runDirectory, cancellationToken);
    }

    private static Dictionary<(string, BenchmarkDomain), double> DomainProblemSolving(IReadOnlyList<ProblemSolvingScore> scores)
    {
        var byDomain = new Dictionary<(string, BenchmarkDomain), List<double>>();
        foreach (var score in scores)
        {
            if (EvaluationBenchmarks.TryFind(score.Benchmark, out var benchmark) && double.IsFinite(score.Score))
            {
                var key = (score.Generator, benchmark.Domain);
                if (!byDomain.TryGetValue(key, out var list))
                {
                    byDomain[key] = list = [];
                }

                list.Add(score.Score);
            }
        }

        return byDomain.ToDictionary(p => p.Key, p => p.Value.Average());
    }

    private static string? Origin(ForecastInput input, string generator, AgoraBenchSetting setting) =>
        input.Origins.TryGetValue((generator, setting), out string? origin) ? origin : null;

    internal static string Label(string generator, AgoraBenchSetting setting) => $"{generator} · {setting.Key}";

    private static string Sample(IReadOnlyList<(string Generator, AgoraBenchSetting Setting)> cells) =>
        string.Join(", ", cells.Take(3).Select(c => Label(c.Generator, c.Setting))) + (cells.Count > 3 ? ", …" : string.Empty);
}
