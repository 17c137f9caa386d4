using System.Globalization;
using CsvHelper;

namespace AgoraBench;

/// <summary>Reads what a forecast needs from a run folder: step records, each cell's <c>metrics.json</c>, <c>pgr/pgr.csv</c> and <c>analysis/problem_solving.csv</c>.</summary>
internal static class RunForecastReader
{
    public static async Task<ForecastInput> ReadAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var dir = new RunDirectory(runDirectory);
        if (!Directory.Exists(dir.Root))
        {
            throw new DataValidationException([new DataError(runDirectory, null, "--run", "the run folder does not exist.")]);
        }

        if (!Directory.Exists(dir.Steps) && !File.Exists(dir.Manifest))
        {
            throw new DataValidationException([new DataError(runDirectory, null, "--run", "is not a run folder (it has neither manifest.json nor steps/); give the folder of 'agorabench run --run-dir'.")]);
        }

        var records = new List<StepRecord>();
        string[] files = Directory.Exists(dir.Steps) ? Directory.GetFiles(dir.Steps, "*.json") : [];
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            // A record cut short by a crash says nothing is finished; the runner treats it the same way.
            if (StepRecord.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)) is { } record)
            {
                records.Add(record);
            }
        }

        var done = records.Where(r => r.Status == StepRecord.Done).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var generated = records.Where(r => r.Status == StepRecord.Done && r.Id.StartsWith("generate:", StringComparison.Ordinal))
            .Select(r => ParseCell(r.Id)).OfType<(string Generator, AgoraBenchSetting Setting)>().ToList();
        if (generated.Count == 0)
        {
            throw new DataValidationException([new DataError(runDirectory, null, "--run", "the run has no generated data yet: run 'agorabench run --plan PLAN --run-dir RUN --stages generate,metrics' first (a pilot needs its data and intrinsic metrics).")]);
        }

        var errors = new List<DataError>();
        var metrics = new List<IntrinsicMetricValue>();
        var origins = new Dictionary<(string, AgoraBenchSetting), string>();
        foreach (var (generator, setting) in generated)
        {
            string path = dir.Metrics(generator, setting);
            origins[(generator, setting)] = path;
            if (!done.Contains($"metrics:{generator}:{setting.Key}") || !File.Exists(path))
            {
                errors.Add(new DataError(path, null, "metrics", $"{PgrForecaster.Label(generator, setting)} has generated data but no intrinsic metrics: add 'metrics' to the plan and run 'agorabench run --plan PLAN --run-dir RUN --stages metrics'."));
                continue;
            }

            int before = metrics.Count;
            try
            {
                var document = await IntrinsicMetricsDocument.ReadAsync(path, cancellationToken).ConfigureAwait(false);
                metrics.AddRange(document.Metrics
                    .Where(m => m.Value.Mean is double mean && double.IsFinite(mean))
                    .Select(m => new IntrinsicMetricValue(generator, setting, m.Key, m.Value.Mean!.Value)));
            }
            catch (DataValidationException ex)
            {
                errors.AddRange(ex.Errors);
                continue;
            }

            if (metrics.Count == before)
            {
                errors.Add(new DataError(path, null, "metrics", $"{PgrForecaster.Label(generator, setting)}: every intrinsic metric failed (no 'mean'); see its 'diagnostics' and rerun the metrics stage."));
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        var cells = new List<SettingPgr>();
        string pgrFile = Path.Combine(dir.Pgr, "pgr.csv");
        if (done.Contains("pgr") && File.Exists(pgrFile))
        {
            cells.AddRange(await ReadSettingCellsAsync(pgrFile, cancellationToken).ConfigureAwait(false));
        }

        string problemSolvingFile = Path.Combine(dir.AnalysisTables, "problem_solving.csv");
        var problemSolving = File.Exists(problemSolvingFile)
            ? await AnalysisTableCsv.ReadProblemSolvingAsync(problemSolvingFile, cancellationToken).ConfigureAwait(false)
            : [];
        foreach (var cell in cells)
        {
            origins.TryAdd((cell.Generator, cell.Setting), pgrFile);
        }

        return new ForecastInput { Cells = cells, IntrinsicMetrics = metrics, ProblemSolving = problemSolving, Origins = origins };
    }

    // A step id is "<stage>:<generator>:<method>/<domain>"; a generator's name may itself hold ':'.
    private static (string, AgoraBenchSetting)? ParseCell(string id)
    {
        int first = id.IndexOf(':', StringComparison.Ordinal);
        int last = id.LastIndexOf(':');
        return first > 0 && last > first && AgoraBenchSetting.TryParse(id[(last + 1)..], out var setting)
            ? (id[(first + 1)..last], setting)
            : null;
    }

    // The "setting" rows of a run's pgr.csv (columns by name, so columns added later do not matter).
    private static async Task<List<SettingPgr>> ReadSettingCellsAsync(string path, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var cells = new List<SettingPgr>();
        var errors = new List<DataError>();
        await csv.ReadAsync().ConfigureAwait(false);
        csv.ReadHeader();
        while (await csv.ReadAsync().ConfigureAwait(false))
        {
            if (csv.GetField("level") != "setting")
            {
                continue;
            }

            int line = csv.Parser.RawRow;
            string method = csv.GetField("method") ?? string.Empty, domain = csv.GetField("domain") ?? string.Empty;
            if (!AgoraBenchSetting.TryParse(method + "/" + domain, out var setting))
            {
                errors.Add(new DataError(path, line, "method/domain", $"'{method}/{domain}' is not a setting."));
            }
            else if (!double.TryParse(csv.GetField("pgr"), NumberStyles.Float, CultureInfo.InvariantCulture, out double pgr))
            {
                errors.Add(new DataError(path, line, "pgr", $"'{csv.GetField("pgr")}' is not a number."));
            }
            else
            {
                cells.Add(new SettingPgr(csv.GetField("generator") ?? string.Empty, setting, pgr));
            }
        }

        return errors.Count > 0 ? throw new DataValidationException(errors) : cells;
    }
}
