using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace AgoraBench;

/// <summary>
/// The results published in the AGORABENCH paper, embedded as data: PGR (Table 2), prices and summary scores
/// (Table 3), the generators' problem-solving scores (Table 7) and the intrinsic metrics (Table 8).
/// </summary>
/// <remarks>
/// Values are exactly as printed; nothing here is recomputed. Use <see cref="CreateLeaderboard"/> to recompute the
/// method averages and overall scores from the printed cells. The embedded CSV files are transcriptions of
/// Kim et al., <i>Evaluating Language Models as Synthetic Data Generators</i>, ACL 2025 (arXiv:2412.03679v2).
/// </remarks>
public static class PublishedResults
{
    /// <summary>The paper the results come from.</summary>
    public const string Citation = "Kim et al., \"Evaluating Language Models as Synthetic Data Generators\", ACL 2025 (arXiv:2412.03679v2)";

    private static readonly Lazy<Data> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the six generators with their prices and printed summary scores (Table 3), in the paper's order.</summary>
    internal static PublishedTable<PublishedGenerator> Generators => Loaded.Value.Generators;

    /// <summary>Gets the 54 printed PGR cells (Table 2): 6 generators × 9 settings.</summary>
    internal static PublishedTable<PublishedPgrCell> PgrCells => Loaded.Value.PgrCells;

    /// <summary>Gets the 18 printed method averages (Table 2 "Avg" columns).</summary>
    internal static PublishedTable<PublishedMethodAverage> PgrMethodAverages => Loaded.Value.MethodAverages;

    /// <summary>Gets the 36 printed problem-solving scores (Table 7): 6 generators × 6 benchmarks.</summary>
    internal static PublishedTable<PublishedProblemSolvingScore> ProblemSolving => Loaded.Value.ProblemSolving;

    /// <summary>Gets the 432 printed intrinsic-metric values (Table 8): 8 metrics × 6 generators × 9 settings. (The ninth analysis feature, problem-solving ability, is <see cref="ProblemSolving"/>.)</summary>
    internal static PublishedTable<PublishedIntrinsicMetric> IntrinsicMetrics => Loaded.Value.IntrinsicMetrics;

    /// <summary>Gets the identifiers of the intrinsic metrics of Table 8, in the paper's order.</summary>
    internal static IReadOnlyList<string> IntrinsicMetricNames => Loaded.Value.MetricNames;

    /// <summary>
    /// Builds the AGORABENCH leaderboard from the 54 printed cells; method averages and overall scores are computed
    /// from them. Because the cells are rounded, computed averages differ from the printed ones by at most 0.07.
    /// </summary>
    /// <returns>The leaderboard, ranked by overall PGR.</returns>
    public static PgrReport CreateLeaderboard() =>
        PgrReport.Create(PgrCells.Rows.Select(c => new SettingPgr(c.Generator, c.Setting, c.Value)));

    /// <summary>
    /// Builds the input of an <see cref="AgoraBenchAnalyzer"/> run from the published tables, the way the paper's §5
    /// analyses use them: the 54 PGR cells (Table 2), the 8 intrinsic metrics (Table 8), the problem-solving scores
    /// (Table 7), the prices (Table 3), and the printed overall PGRs and problem-solving averages (Table 3) for the
    /// coarse regression.
    /// </summary>
    /// <returns>The analysis input.</returns>
    public static AnalysisInput CreateAnalysisInput() => new()
    {
        Cells = [.. PgrCells.Rows.Select(c => new SettingPgr(c.Generator, c.Setting, c.Value))],
        IntrinsicMetrics = [.. IntrinsicMetrics.Rows.Select(m => new IntrinsicMetricValue(m.Generator, m.Setting, m.Metric, m.Value))],
        ProblemSolving = [.. ProblemSolving.Rows.Select(s => new ProblemSolvingScore(s.Generator, s.Benchmark.Id, s.Score))],
        Prices = [.. Generators.Rows.Select(g => new GeneratorPrice(g.Name, g.InputUsdPerMillionTokens, g.OutputUsdPerMillionTokens))],
        ReportedOverallPgr = Generators.Rows.ToDictionary(g => g.Name, g => g.OverallPgr, StringComparer.Ordinal),
        ReportedProblemSolvingAverage = Generators.Rows.ToDictionary(g => g.Name, g => g.ProblemSolvingAverage, StringComparer.Ordinal),
    };

    /// <summary>
    /// Compares a leaderboard's method averages and overall scores with those the paper prints (Table 2 "Avg"
    /// columns and Table 3). Generators the paper does not cover are ignored.
    /// </summary>
    /// <param name="report">A leaderboard, usually <see cref="CreateLeaderboard"/>.</param>
    /// <returns>The largest differences and every comparison.</returns>
    public static PublishedAgreement MeasureAgreement(PgrReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var comparisons = new List<PublishedComparison>();
        foreach (var generator in report.Generators)
        {
            foreach (var printed in PgrMethodAverages.Rows.Where(a => a.Generator == generator.Generator))
            {
                if (generator.MethodAverages.TryGetValue(printed.Method, out double computed))
                {
                    comparisons.Add(new PublishedComparison(generator.Generator, AgoraBenchNames.ToName(printed.Method), computed, printed.Value));
                }
            }

            if (Generators.Rows.FirstOrDefault(g => g.Name == generator.Generator) is { } published)
            {
                comparisons.Add(new PublishedComparison(generator.Generator, "overall", generator.Overall, published.OverallPgr));
            }
        }

        return new PublishedAgreement(
            comparisons.Where(c => c.Quantity != "overall").Select(c => c.Difference).DefaultIfEmpty(0).Max(),
            comparisons.Where(c => c.Quantity == "overall").Select(c => c.Difference).DefaultIfEmpty(0).Max(),
            comparisons);
    }

    /// <summary>Finds a generator by its printed name or model identifier (case-insensitive).</summary>
    /// <param name="name">The name, for example <c>GPT-4o-mini</c> or <c>gpt-4o-mini-2024-07-18</c>.</param>
    /// <returns>The generator, or <see langword="null"/>.</returns>
    public static PublishedGenerator? FindGenerator(string name) =>
        Generators.Rows.FirstOrDefault(g =>
            string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(g.ModelId, name, StringComparison.OrdinalIgnoreCase));

    private static Data Load()
    {
        var table2 = ReadCsv("table2_pgr_main.csv");
        var table3 = ReadCsv("table3_cost_problem_solving_data_generation.csv");
        var table7 = ReadCsv("table7_problem_solving.csv");
        var table8 = ReadCsv("table8_intrinsic_metrics.csv");

        var cells = new List<PublishedPgrCell>();
        var averages = new List<PublishedMethodAverage>();
        foreach (var row in table2)
        {
            string generator = row["generator"];
            foreach (var (column, text) in row)
            {
                if (TrySplitColumn(column, out var method, out var domain))
                {
                    double value = Number(text, "table2_pgr_main.csv", column);
                    if (domain is BenchmarkDomain d)
                    {
                        cells.Add(new PublishedPgrCell(generator, AgoraBenchSettings.Get(method, d), value));
                    }
                    else
                    {
                        averages.Add(new PublishedMethodAverage(generator, method, value));
                    }
                }
            }
        }

        var generators = table3.Select(row => new PublishedGenerator(
            row["generator"],
            ModelIds[row["generator"]],
            Number(row["api_cost_input_usd_per_1M_tokens"], "table3", "input price"),
            Number(row["api_cost_output_usd_per_1M_tokens"], "table3", "output price"),
            Number(row["problem_solving_avg"], "table3", "problem_solving_avg"),
            Number(row["agorabench_avg_pgr_pct"], "table3", "agorabench_avg_pgr_pct"))).ToArray();

        var problemSolving = new List<PublishedProblemSolvingScore>();
        foreach (var row in table7)
        {
            foreach (var (column, text) in row)
            {
                if (column is not ("generator" or "average") && EvaluationBenchmarks.TryFind(column, out var benchmark))
                {
                    problemSolving.Add(new PublishedProblemSolvingScore(row["generator"], benchmark, Number(text, "table7", column)));
                }
            }
        }

        var metrics = new List<PublishedIntrinsicMetric>();
        var metricNames = new List<string>();
        foreach (var row in table8)
        {
            string metric = row["metric"];
            if (!metricNames.Contains(metric))
            {
                metricNames.Add(metric);
            }

            foreach (var (column, text) in row)
            {
                if (TrySplitColumn(column, out var method, out var domain) && domain is BenchmarkDomain d)
                {
                    metrics.Add(new PublishedIntrinsicMetric(metric, row["generator"], AgoraBenchSettings.Get(method, d), Number(text, "table8", column)));
                }
            }
        }

        return new Data(
            new PublishedTable<PublishedGenerator>(
                Citation + ", Table 3",
                "Prices are USD per 1M tokens from openrouter.ai (footnote 3). The PGR average is the mean of the nine Table 2 cells, computed by the authors from unrounded values.",
                generators),
            new PublishedTable<PublishedPgrCell>(
                Citation + ", Table 2",
                "Cells are rounded to one decimal. Negative values are kept: PGR is never clipped.",
                cells),
            new PublishedTable<PublishedMethodAverage>(
                Citation + ", Table 2",
                "Averages were computed by the authors from unrounded cells, so they differ from the mean of the printed cells by up to 0.07.",
                averages),
            new PublishedTable<PublishedProblemSolvingScore>(
                Citation + ", Table 7",
                "Column order recovered from a scrambled header: GSM8K, MATH, MBPP, HumanEval, AlpacaEval 2.0, Arena-Hard. The Llama-3.1-8B-Instruct row is also the PGR reference model.",
                problemSolving),
            new PublishedTable<PublishedIntrinsicMetric>(
                Citation + ", Table 8",
                "The block labelled 'Instruction Difficulty (Perplexity)' in the paper is response perplexity. Instruction-only metrics are identical across generators in response generation. The diversity ('c-dist') definition is unverified.",
                metrics),
            metricNames);
    }

    private static readonly Dictionary<string, string> ModelIds = new(StringComparer.Ordinal)
    {
        ["GPT-4o"] = "gpt-4o-2024-08-06",
        ["GPT-4o-mini"] = "gpt-4o-mini-2024-07-18",
        ["Claude-3.5-Sonnet"] = "claude-3-5-sonnet-20240620",
        ["Llama-3.1-405B-Instruct"] = "meta-llama/Llama-3.1-405B-Instruct",
        ["Llama-3.1-70B-Instruct"] = "meta-llama/Llama-3.1-70B-Instruct",
        ["Llama-3.1-8B-Instruct"] = "meta-llama/Llama-3.1-8B-Instruct",
    };

    private static bool TrySplitColumn(string column, out GenerationMethod method, out BenchmarkDomain? domain)
    {
        domain = null;
        foreach (var m in AgoraBenchSettings.Methods)
        {
            string prefix = AgoraBenchNames.ToName(m).Replace('-', '_') + "_";
            if (!column.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            method = m;
            string rest = column[prefix.Length..];
            if (rest == "avg")
            {
                return true;
            }

            if (AgoraBenchNames.TryParseDomain(rest, out var d))
            {
                domain = d;
                return true;
            }
        }

        method = default;
        return false;
    }

    private static double Number(string text, string file, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new InvalidOperationException($"Embedded paper table {file}, column {column}: '{text}' is not a number.");

    private static List<List<KeyValuePair<string, string>>> ReadCsvRows(string name)
    {
        using var stream = typeof(PublishedResults).Assembly.GetManifestResourceStream("AgoraBench.Paper.Data." + name)
            ?? throw new InvalidOperationException($"The embedded paper table {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<List<KeyValuePair<string, string>>>();
        csv.Read();
        string[] header = csv.Record ?? [];
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            rows.Add([.. header.Zip(record, (h, v) => new KeyValuePair<string, string>(h, v))]);
        }

        return rows;
    }

    private static List<Row> ReadCsv(string name) => [.. ReadCsvRows(name).Select(r => new Row(r))];

    private sealed class Row(List<KeyValuePair<string, string>> cells) : IEnumerable<KeyValuePair<string, string>>
    {
        public string this[string column] => cells.First(c => c.Key == column).Value;

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => cells.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed record Data(
        PublishedTable<PublishedGenerator> Generators,
        PublishedTable<PublishedPgrCell> PgrCells,
        PublishedTable<PublishedMethodAverage> MethodAverages,
        PublishedTable<PublishedProblemSolvingScore> ProblemSolving,
        PublishedTable<PublishedIntrinsicMetric> IntrinsicMetrics,
        IReadOnlyList<string> MetricNames);
}
