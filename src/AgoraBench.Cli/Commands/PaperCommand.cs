using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench paper</c>: the AGORABENCH leaderboard recomputed from the paper's published cells.</summary>
internal static class PaperCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format();
        var output = new Option<string>("--out")
        {
            Description = "Folder for the analysis report (results.json, report.md, report.html, CSV tables).",
            DefaultValueFactory = _ => "agorabench-paper-report",
            HelpName = "DIR",
        };
        var command = new Command(
            "paper",
            "Reproduce the AGORABENCH paper offline: the leaderboard of its six generators (the 54 published PGR cells of Table 2, "
            + "with method averages and overall scores recomputed from them, ranked, with API prices), the key findings, and the "
            + "full analysis (problem-solving regressions, PCA of the intrinsic metrics, PGR on the principal components, cost) "
            + "written as a report, and the budget decision worked on the paper's 50K-vs-10K comparison (Fig. 7).\n\n"
            + "Example:\n  agorabench paper --out paper-report/")
        {
            format, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var report = PublishedResults.CreateLeaderboard();
                var agreement = PublishedResults.MeasureAgreement(report);
                var outputFormat = CommonOptions.ParseFormat(parseResult.GetRequiredValue(format));
                string leaderboard = PaperLeaderboardWriter.Write(report, agreement, outputFormat);
                var example = PaperBudgetExample.Compute(report);
                if (outputFormat == PgrReportFormat.Markdown)
                {
                    using var section = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                    PaperBudgetExample.WriteMarkdown(example, section);
                    leaderboard += section.ToString();
                }
                else if (outputFormat == PgrReportFormat.Json)
                {
                    var document = PaperLeaderboardWriter.Document(report, agreement) with { BudgetExample = PaperBudgetExample.Document(example) };
                    leaderboard = ArtefactJson.Write(document, CliJsonContext.Default.PaperLeaderboardDocument);
                }

                await stdout.WriteAsync(leaderboard).ConfigureAwait(false);
                var analysisOutput = outputFormat == PgrReportFormat.Markdown ? stdout : TextWriter.Null;
                await analysisOutput.WriteLineAsync().ConfigureAwait(false);
                await AnalyzeCommand.RunAsync(
                    PublishedResults.CreateAnalysisInput(),
                    new AnalysisOptions(),
                    parseResult.GetRequiredValue(output),
                    "AGORABENCH: the published results (Kim et al., ACL 2025)",
                    analysisOutput,
                    cancellationToken,
                    printLeaderboard: false).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
