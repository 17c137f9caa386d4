using System.CommandLine;
using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench analyze</c>: regressions, PCA, cost and an HTML report from a study's tables.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var pgr = new Option<string>("--pgr") { Description = "CSV of PGR cells: generator,method,domain,pgr.", Required = true, HelpName = "FILE.csv" };
        var metrics = new Option<string?>("--metrics") { Description = "CSV of intrinsic metrics: generator,method,domain,metric,value (enables the PCA).", HelpName = "FILE.csv" };
        var problemSolving = new Option<string?>("--problem-solving") { Description = "CSV of the generators' own benchmark scores: generator,benchmark,score (enables the regressions).", HelpName = "FILE.csv" };
        var prices = new Option<string?>("--prices") { Description = "CSV of API prices: generator,usd_per_1m_input,usd_per_1m_output (enables the cost analysis).", HelpName = "FILE.csv" };
        var usage = new Option<string?>("--usage") { Description = "CSV of recorded token usage: generator,instances,input_tokens,output_tokens (measured cost instead of assumed tokens).", HelpName = "FILE.csv" };
        var scaling = new Option<string?>("--scaling") { Description = "CSV of overall PGR measured at other sizes: generator,instances,pgr (for the budget view).", HelpName = "FILE.csv" };
        var budget = new Option<double?>("--budget") { Description = "A budget in USD per setting: which generator buys the most PGR with it.", HelpName = "USD" };
        var components = new Option<int>("--components") { Description = "Principal components PGR is regressed on.", DefaultValueFactory = _ => 5, HelpName = "K" };
        var output = new Option<string>("--out") { Description = "Folder for results.json, report.md, report.html and CSV tables.", Required = true, HelpName = "DIR" };

        var command = new Command(
            "analyze",
            "Analyze a study: leaderboard, problem-solving vs PGR regressions, PCA of intrinsic metrics, PGR on the principal components, "
            + "cost per instance and per PGR point, and a self-contained HTML report.\n\n"
            + "Example:\n  agorabench analyze --pgr pgr.csv --metrics metrics.csv --problem-solving ps.csv --prices prices.csv --out report/")
        {
            pgr, metrics, problemSolving, prices, usage, scaling, budget, components, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var input = await AnalysisInput.ReadTablesAsync(
                    parseResult.GetRequiredValue(pgr),
                    parseResult.GetValue(metrics),
                    parseResult.GetValue(problemSolving),
                    parseResult.GetValue(prices),
                    parseResult.GetValue(usage),
                    parseResult.GetValue(scaling),
                    cancellationToken).ConfigureAwait(false);
                var options = new AnalysisOptions { PrincipalComponents = parseResult.GetValue(components), BudgetUsdPerSetting = parseResult.GetValue(budget) };
                await RunAsync(input, options, parseResult.GetRequiredValue(output), "AGORABENCH analysis", stdout, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }

    public static async Task<AgoraBenchAnalysis> RunAsync(AnalysisInput input, AnalysisOptions options, string directory, string title, TextWriter stdout, CancellationToken cancellationToken, bool printLeaderboard = true)
    {
        AgoraBenchAnalysis analysis;
        try
        {
            analysis = AgoraBenchAnalyzer.Analyze(input, options);
        }
        catch (ArgumentException ex) when (ex.ParamName == "options")
        {
            throw new DataValidationException(ex.Message.Replace(" (Parameter 'options')", string.Empty, StringComparison.Ordinal));
        }

        if (printLeaderboard)
        {
            CliTables.Write(AgoraBenchReports.FormatLeaderboard(analysis.Leaderboard, withCellCount: true), stdout);
        }

        await WriteFindingsAsync(analysis, stdout).ConfigureAwait(false);
        var files = await AgoraBenchReports.WriteAnalysisAsync(analysis, directory, title, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync().ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {files.Count} files to {directory}: open {Path.Combine(directory, "report.html")}")).ConfigureAwait(false);
        return analysis;
    }

    public static Task WriteFindingsAsync(AgoraBenchAnalysis analysis, TextWriter stdout) =>
        WriteFindingsAsync(analysis.Findings, analysis.Diagnostics, stdout);

    public static async Task WriteFindingsAsync(IReadOnlyList<string> findings, IReadOnlyList<AnalysisDiagnostic> diagnostics, TextWriter stdout)
    {
        await stdout.WriteLineAsync("Key findings:").ConfigureAwait(false);
        foreach (string finding in findings)
        {
            await stdout.WriteLineAsync("- " + finding).ConfigureAwait(false);
        }

        foreach (var diagnostic in diagnostics)
        {
            await stdout.WriteLineAsync($"  note ({diagnostic.Stage}): {diagnostic.Message}").ConfigureAwait(false);
        }
    }
}
