using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// The budget decision worked on the paper's own comparison (Fig. 7): 50K instances of a cheap generator against 10K of
/// GPT-4o. Costs come from Table 3's prices at the analysis's assumed tokens per instance (the paper publishes no token
/// counts); PGRs from Table 2. The paper prints no values for its 50K points, so those rows have a cost but no PGR.
/// </summary>
internal static class PaperBudgetExample
{
    private const string Reference = "GPT-4o";
    private const int PaperInstances = 10_000; // the paper's instances per setting
    private const int ScaledInstances = 5 * PaperInstances;

    /// <summary>The generators the paper scaled to 50K instances (Fig. 7).</summary>
    private static readonly string[] Scaled = ["GPT-4o-mini", "Llama-3.1-70B-Instruct", "Llama-3.1-8B-Instruct"];

    private static readonly BenchmarkDomain[] Domains = [BenchmarkDomain.Math, BenchmarkDomain.Code, BenchmarkDomain.InstructionFollowing];

    public sealed record Option(string Generator, int Instances, double Usd, IReadOnlyDictionary<BenchmarkDomain, double>? Pgr);

    public sealed record Example(double BudgetUsd, double InputTokens, double OutputTokens, IReadOnlyList<Option> Options, IReadOnlyList<BudgetDecision> Decisions);

    public static Example Compute(PgrReport published)
    {
        var assumptions = new AnalysisOptions();
        double PerInstance(string generator)
        {
            var g = PublishedResults.FindGenerator(generator) ?? throw new InvalidOperationException($"The paper has no generator '{generator}'.");
            return ((assumptions.AssumedInputTokensPerInstance * g.InputUsdPerMillionTokens) + (assumptions.AssumedOutputTokensPerInstance * g.OutputUsdPerMillionTokens)) / 1_000_000;
        }

        var options = published.Generators
            .Select(g => new Option(g.Generator, PaperInstances, PaperInstances * PerInstance(g.Generator), g.DomainAverages))
            .Concat(Scaled.Select(g => new Option(g, ScaledInstances, ScaledInstances * PerInstance(g), null)))
            .OrderBy(o => o.Usd)
            .ToArray();
        double budget = options.Single(o => o.Generator == Reference && o.Instances == PaperInstances).Usd;
        var candidates = options.Where(o => o.Pgr is not null).Select(o => new BudgetCandidate(o.Generator, o.Usd, o.Instances)).ToArray();
        var decisions = Domains.Select(d => BudgetDecision.Decide(published, candidates, budget, d)).ToArray();
        return new Example(budget, assumptions.AssumedInputTokensPerInstance, assumptions.AssumedOutputTokensPerInstance, options, decisions);
    }

    public static void WriteMarkdown(Example example, TextWriter text)
    {
        var reference = example.Options.Single(o => o.Generator == Reference && o.Instances == PaperInstances);
        text.WriteLine();
        text.WriteLine("## Budget decision, worked on the paper's Fig. 7 (50K vs 10K instances)");
        text.WriteLine();
        text.WriteLine(
            $"Budget: what {Count(PaperInstances)} {Reference} instances per setting cost at Table 3's prices, USD {N(example.BudgetUsd)} "
            + $"(at {N(example.InputTokens, 0)} input and {N(example.OutputTokens, 0)} output tokens per instance, assumed: the paper publishes no token counts). "
            + "PGR per domain is Table 2's average at 10K instances.");
        text.WriteLine();
        var table = new MarkdownTable(("Generator", false), ("Instances", true), ("USD per setting", true), ($"Cost vs {PaperInstances / 1000}K {Reference}", true), ("Within budget", false), ("Math", true), ("Code", true), ("Inst.", true));
        foreach (var o in example.Options)
        {
            string Pgr(BenchmarkDomain d) => o.Pgr is { } values && values.TryGetValue(d, out double v) ? MarkdownTable.Number(v, 1) : "not published";
            table.AddRow(o.Generator, o.Instances.ToString("N0", CultureInfo.InvariantCulture), MarkdownTable.Number(o.Usd), N(o.Usd / reference.Usd) + "×", o.Usd <= example.BudgetUsd ? "yes" : "no", Pgr(BenchmarkDomain.Math), Pgr(BenchmarkDomain.Code), Pgr(BenchmarkDomain.InstructionFollowing));
        }

        table.WriteTo(text);
        text.WriteLine();
        foreach (var (domain, decision) in Domains.Zip(example.Decisions))
        {
            text.WriteLine($"- {domain}: {decision.Summary}");
        }

        text.WriteLine();
        foreach (string generator in Scaled)
        {
            var scaled = example.Options.Single(o => o.Generator == generator && o.Instances == ScaledInstances);
            text.WriteLine($"- {Count(ScaledInstances)} {generator} instances cost {N(reference.Usd / scaled.Usd)}× less than {Count(PaperInstances)} {Reference} ones, so they are within this budget; the paper plots their PGR (Fig. 7) without printing values, so the decision above cannot weigh them.");
        }

        text.WriteLine();
        text.WriteLine("The published cells have no per-problem outcomes, so no decision here has a probability; on a run, `agorabench pgr --items … --budget USD --costs FILE` gives it.");
    }

    /// <summary>The example as JSON: every domain named in each option's <c>pgr</c>, the decisions as the library writes them.</summary>
    public static PaperBudgetExampleDocument Document(Example example) => new()
    {
        BudgetUsd = example.BudgetUsd,
        AssumedInputTokensPerInstance = example.InputTokens,
        AssumedOutputTokensPerInstance = example.OutputTokens,
        Options = [.. example.Options.Select(o => new PaperBudgetOptionDocument
        {
            Generator = o.Generator,
            Instances = o.Instances,
            UsdPerSetting = o.Usd,
            Affordable = o.Usd <= example.BudgetUsd,
            Pgr = Domains.ToDictionary(d => d.ToString(), d => o.Pgr is { } values && values.TryGetValue(d, out double v) ? v : (double?)null, StringComparer.Ordinal),
        })],
        Decisions = [.. example.Decisions.Select(Decision)],
    };

    // The library writes a decision through its own contract; the tool keeps that document as it is.
    private static JsonElement Decision(BudgetDecision decision)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            System.Text.Json.Nodes.JsonNode.Parse(AgoraBenchReports.Format(decision, PgrReportFormat.Json))!.WriteTo(json);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(double value, int decimals = 2) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
