using System.Globalization;
using System.Text;

namespace AgoraBench.Cli.Commands;

/// <summary>Formats the published leaderboard with prices and the agreement with the printed averages.</summary>
internal static class PaperLeaderboardWriter
{
    public static string Write(PgrReport report, PublishedAgreement agreement, PgrReportFormat format) => format switch
    {
        PgrReportFormat.Json => Json(report, agreement),
        PgrReportFormat.Csv => Csv(report),
        _ => Markdown(report, agreement),
    };

    private static PublishedGenerator Published(GeneratorPgr generator) =>
        PublishedResults.FindGenerator(generator.Generator)
        ?? throw new InvalidOperationException($"The paper has no generator '{generator.Generator}'.");

    private static string Markdown(PgrReport report, PublishedAgreement agreement)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine("# AGORABENCH leaderboard (published results)");
        text.WriteLine();
        text.WriteLine($"Source: {PublishedResults.Citation}, Tables 2, 3 and 7.");
        text.WriteLine("Method averages and overall scores are computed here from the 54 printed PGR cells; 'Paper' is the printed Table 3 value.");
        text.WriteLine();

        var summary = new MarkdownTable(
            ("Rank", true), ("Generator", false), ("IG avg", true), ("RG avg", true), ("QE avg", true), ("Overall", true),
            ("Paper", true), ("Problem solving", true), ("$ in / 1M", true), ("$ out / 1M", true));
        foreach (var generator in report.Generators)
        {
            var published = Published(generator);
            summary.AddRow(
                generator.Rank.ToString(CultureInfo.InvariantCulture),
                generator.Generator,
                MarkdownTable.Number(generator.MethodAverages[GenerationMethod.InstanceGeneration]),
                MarkdownTable.Number(generator.MethodAverages[GenerationMethod.ResponseGeneration]),
                MarkdownTable.Number(generator.MethodAverages[GenerationMethod.QualityEnhancement]),
                MarkdownTable.Number(generator.Overall),
                MarkdownTable.Number(published.OverallPgr, 1),
                MarkdownTable.Number(published.ProblemSolvingAverage, 1),
                Price(published.InputUsdPerMillionTokens),
                Price(published.OutputUsdPerMillionTokens));
        }

        summary.WriteTo(text);
        text.WriteLine();
        text.WriteLine("## PGR (%) per setting");
        text.WriteLine();
        text.Write(AgoraBenchReports.FormatLeaderboard(report, withCellCount: false));
        text.WriteLine();
        text.WriteLine(
            $"Agreement with the paper: method averages within {MarkdownTable.Number(agreement.MaxMethodAverageDifference, 3)} of Table 2, "
            + $"overall scores within {MarkdownTable.Number(agreement.MaxOverallDifference, 3)} of Table 3 (the printed cells are rounded to 0.1).");
        var best = report.Generators[0];
        var cheapest = report.Generators.OrderBy(g => Published(g).OutputUsdPerMillionTokens).First();
        text.WriteLine(
            $"Best data generator overall: {best.Generator} ({MarkdownTable.Number(best.Overall, 1)}). "
            + $"Cheapest: {cheapest.Generator} (rank {cheapest.Rank}, {MarkdownTable.Number(cheapest.Overall, 1)}).");
        return text.ToString();
    }

    private static string Csv(PgrReport report)
    {
        var text = new StringBuilder();
        text.Append("rank,generator,model_id");
        foreach (var setting in AgoraBenchSettings.All)
        {
            text.Append(',').Append(setting.Key);
        }

        text.AppendLine(",instance-generation,response-generation,quality-enhancement,overall,paper_overall,problem_solving,usd_per_1m_input,usd_per_1m_output");
        foreach (var generator in report.Generators)
        {
            var published = Published(generator);
            text.Append(generator.Rank.ToString(CultureInfo.InvariantCulture)).Append(',').Append(CsvCell.Field(generator.Generator)).Append(',').Append(CsvCell.Field(published.ModelId));
            foreach (var setting in AgoraBenchSettings.All)
            {
                text.Append(',').Append(Raw(generator.Cells.Single(c => c.Setting == setting).Value));
            }

            foreach (var method in Enum.GetValues<GenerationMethod>())
            {
                text.Append(',').Append(Raw(generator.MethodAverages[method]));
            }

            text.Append(',').Append(Raw(generator.Overall))
                .Append(',').Append(Raw(published.OverallPgr))
                .Append(',').Append(Raw(published.ProblemSolvingAverage))
                .Append(',').Append(Raw(published.InputUsdPerMillionTokens))
                .Append(',').Append(Raw(published.OutputUsdPerMillionTokens))
                .AppendLine();
        }

        return text.ToString();
    }

    private static string Json(PgrReport report, PublishedAgreement agreement) =>
        ArtefactJson.Write(Document(report, agreement), CliJsonContext.Default.PaperLeaderboardDocument);

    /// <summary>The leaderboard as JSON: each generator's methods and cells in the shape of <c>pgr.json</c>, the paper's figures beside them.</summary>
    public static PaperLeaderboardDocument Document(PgrReport report, PublishedAgreement agreement) => new()
    {
        Source = PublishedResults.Citation,
        Leaderboard = [.. report.Generators.Select(generator =>
        {
            var published = Published(generator);
            return new PaperGeneratorDocument
            {
                Generator = generator.Generator,
                ModelId = published.ModelId,
                Rank = generator.Rank,
                Overall = generator.Overall,
                PaperOverall = published.OverallPgr,
                Methods = generator.MethodAverages.ToDictionary(p => AgoraBenchNames.ToName(p.Key), p => p.Value, StringComparer.Ordinal),
                Cells = generator.Cells.ToDictionary(c => c.Setting.Key, c => c.Value, StringComparer.Ordinal),
                ProblemSolving = published.ProblemSolvingAverage,
                UsdPer1mInput = published.InputUsdPerMillionTokens,
                UsdPer1mOutput = published.OutputUsdPerMillionTokens,
            };
        })],
        Agreement = new PaperAgreementDocument
        {
            MaxMethodAverageDifference = agreement.MaxMethodAverageDifference,
            MaxOverallDifference = agreement.MaxOverallDifference,
        },
    };

    private static string Price(double usd) => usd.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
