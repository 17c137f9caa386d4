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
        var budget = new Option<double?>("--budget")
        {
            Description = "Budget in USD: with --costs, name the generator that gives the most overall PGR within it and the bootstrap probability that it beats the next affordable one.",
            HelpName = "USD",
        };
        var costs = new Option<string?>("--costs")
        {
            Description = "CSV generator,usd[,instances]: what each generator's data costs (a run records it as the generate stage's spend).",
            HelpName = "FILE.csv",
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out("Write the result to FILE instead of standard output.");

        var command = new Command(
            "pgr",
            "Compute Performance Gap Recovered per benchmark, setting, method and overall for each generator.\n"
            + "PGR = 100 × (student − base) / (reference − base), never clipped.\n\n"
            + "With --items (per-problem outcomes), every PGR gets a paired bootstrap interval and generators are compared.\n"
            + "With --budget and --costs, the generator that gives the most PGR within the budget is named, with its confidence.\n\n"
            + "Example:\n  agorabench pgr --scores scores.csv --items items.csv --format md\n"
            + "  agorabench pgr --scores scores.csv --items items.csv --budget 50 --costs costs.csv")
        {
            scores, aggregate, requireComplete, items, rounds, confidence, seed, budget, costs, format, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var aggregation = parseResult.GetValue(aggregate) == "pgr-of-mean" ? PgrAggregation.PgrOfMean : PgrAggregation.MeanOfPgr;
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

                var reportFormat = CommonOptions.ParseFormat(parseResult.GetRequiredValue(format));
                double? budgetUsd = parseResult.GetValue(budget);
                string? costsPath = parseResult.GetValue(costs);
                if (budgetUsd is double b && (!(b > 0) || double.IsInfinity(b)))
                {
                    throw new CliUsageException([new DataError(null, null, "--budget", $"{b} is not a budget; give a positive number of USD")]);
                }

                if ((budgetUsd is null) != (costsPath is null))
                {
                    throw new CliUsageException([new DataError(null, null, budgetUsd is null ? "--costs" : "--budget", "--budget and --costs go together: the budget in USD and a CSV generator,usd[,instances] of what each generator's data costs")]);
                }

                if (budgetUsd is not null && reportFormat == PgrReportFormat.Csv)
                {
                    throw new CliUsageException([new DataError(null, null, "--format", "--budget adds a decision to the Markdown or JSON report; pgr.csv keeps its columns, so use --format md or json")]);
                }

                var rows = await PgrTables.ReadScoresAsync(parseResult.GetRequiredValue(scores), parseResult.GetValue(items), cancellationToken).ConfigureAwait(false);
                var candidates = costsPath is null ? null : await PgrTables.ReadBudgetCandidatesAsync(costsPath, cancellationToken).ConfigureAwait(false);
                var report = new PgrCalculator().Calculate(rows, options);
                var decision = budgetUsd is double usd && candidates is not null ? BudgetDecision.Decide(report, candidates, usd) : null;
                string text = AgoraBenchReports.Format(report, reportFormat, decision);
                await CommandRunner.WriteResultAsync(text, parseResult.GetValue(output), stdout, $"PGR of {report.Generators.Count} generator(s)", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
