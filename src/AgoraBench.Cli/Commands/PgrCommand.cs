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
        var items = new Option<string?>("--items")
        {
            Description = "CSV of per-problem outcomes (generator,method,domain,benchmark,item,student,base,reference; a run writes it as pgr/items.csv): adds paired bootstrap intervals (pgr_low,pgr_high) and generator comparisons.",
            HelpName = "FILE.csv",
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Paired bootstrap resamples (0 for none, otherwise at least 100).",
            DefaultValueFactory = _ => 2000,
            HelpName = "N",
        };
        var confidence = new Option<double>("--confidence")
        {
            Description = "Confidence level of the intervals, strictly between 0 and 1.",
            DefaultValueFactory = _ => 0.95,
            HelpName = "LEVEL",
        };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed; the same seed and data give the same intervals.", DefaultValueFactory = _ => 42, HelpName = "N" };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out("Write the result to FILE instead of standard output.");

        var command = new Command(
            "pgr",
            "Compute Performance Gap Recovered per benchmark, setting, method and overall for each generator.\n"
            + "PGR = 100 × (student − base) / (reference − base), never clipped.\n\n"
            + "With --items (per-problem outcomes), every PGR gets a paired bootstrap interval and generators are compared.\n\n"
            + "Example:\n  agorabench pgr --scores scores.csv --items items.csv --format md")
        {
            scores, aggregate, requireComplete, items, rounds, confidence, seed, format, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var aggregation = PgrCalculationOptions.TryParseAggregation(parseResult.GetValue(aggregate), out var parsed) ? parsed : PgrAggregation.MeanOfPgr;
                var options = new PgrCalculationOptions
                {
                    Aggregation = aggregation,
                    RequireComplete = parseResult.GetValue(requireComplete),
                    BootstrapRounds = parseResult.GetValue(rounds),
                    Confidence = parseResult.GetValue(confidence),
                    Seed = parseResult.GetValue(seed),
                };
                if (options.Validate() is { Count: > 0 } problems)
                {
                    throw new CliUsageException([.. problems.Select(p => new DataError(null, null, p.StartsWith("Bootstrap", StringComparison.Ordinal) ? "--rounds" : "--confidence", p))]);
                }

                var rows = await BenchmarkScoreCsv.ReadAsync(parseResult.GetRequiredValue(scores), cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(items) is { } itemsPath)
                {
                    rows = await PgrItemCsv.AttachAsync(rows, itemsPath, cancellationToken).ConfigureAwait(false);
                }

                var report = new PgrCalculator().Calculate(rows, options);
                string text = PgrReportWriter.ToString(report, CommonOptions.ParseFormat(parseResult.GetRequiredValue(format)));
                await CommandRunner.WriteResultAsync(text, parseResult.GetValue(output), stdout, $"PGR of {report.Generators.Count} generator(s)", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
