using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench pgr</c>: Performance Gap Recovered from a CSV of scores.</summary>
internal static class PgrCommand
{
    public static Command Create()
    {
        var scores = new Option<string>("--scores")
        {
            Description = "CSV with the columns generator,method,domain,benchmark,student,base,reference (one row per generator, setting and benchmark).",
            Required = true,
            HelpName = "FILE.csv",
        };
        var aggregate = new Option<string>("--aggregate")
        {
            Description = "How a setting's two benchmarks combine: mean-of-pgr (mean of per-benchmark PGRs) or pgr-of-mean (PGR of the mean scores).",
            DefaultValueFactory = _ => "mean-of-pgr",
            HelpName = "mean-of-pgr|pgr-of-mean",
        }.AcceptOnlyFromAmong("mean-of-pgr", "pgr-of-mean");
        var requireComplete = new Option<bool>("--require-complete")
        {
            Description = "Fail unless every generator has all nine settings, each with both benchmarks of its domain.",
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out("Write the result to FILE instead of standard output.");

        var command = new Command(
            "pgr",
            "Compute Performance Gap Recovered per benchmark, setting, method and overall for each generator.\n"
            + "PGR = 100 × (student − base) / (reference − base), never clipped.\n\n"
            + "Example:\n  agorabench pgr --scores scores.csv --format md")
        {
            scores, aggregate, requireComplete, format, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var rows = await BenchmarkScoreCsv.ReadAsync(parseResult.GetRequiredValue(scores), cancellationToken).ConfigureAwait(false);
                var aggregation = PgrCalculationOptions.TryParseAggregation(parseResult.GetValue(aggregate), out var parsed) ? parsed : PgrAggregation.MeanOfPgr;
                var report = new PgrCalculator().Calculate(
                    rows,
                    new PgrCalculationOptions { Aggregation = aggregation, RequireComplete = parseResult.GetValue(requireComplete) });
                string text = PgrReportWriter.ToString(report, CommonOptions.ParseFormat(parseResult.GetRequiredValue(format)));
                await CommandRunner.WriteResultAsync(text, parseResult.GetValue(output), stdout, $"PGR of {report.Generators.Count} generator(s)", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
