using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench estimate</c>: tokens and dollars per stage, generator and setting before anything is spent.</summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "The plan file.", Required = true, HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Write the estimate as JSON (every line, the measured token profiles and the notes)." };
        var detail = new Option<bool>("--detail") { Description = "Also list every line (each metric, student, benchmark and judge)." };
        var output = CommonOptions.Out("Write the estimate (Markdown, or JSON with --json) to FILE instead of standard output.");
        var command = new Command(
            "estimate",
            "Estimate a plan's tokens and dollars per stage, generator and setting before anything is spent: generation prompts are built "
            + "and tokenized exactly as a run would send them (Microsoft.ML.Tokenizers), instance lengths are measured on the seed data, and prices "
            + "come from the plan or the paper's Table 3.\n\n"
            + "Examples:\n  agorabench estimate --plan samples/plans/paper.json\n  agorabench estimate --plan plan.json --json --out estimate.json")
        {
            plan, json, detail, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var loaded = await CliPlans.ReadAsync(parseResult.GetRequiredValue(plan), cancellationToken).ConfigureAwait(false);
                var estimate = await PlanEstimator.EstimateAsync(loaded, cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    await CommandRunner.WriteResultAsync(estimate.ToJson(), parseResult.GetValue(output), stdout, "the estimate", cancellationToken).ConfigureAwait(false);
                }
                else if (parseResult.GetValue(output) is { } file)
                {
                    await CommandRunner.WriteResultAsync(estimate.ToMarkdown(), file, stdout, "the estimate", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Print(estimate, stdout, parseResult.GetValue(detail));
                }
            },
            cancellationToken));
        return command;
    }

    public static void Print(CostEstimate estimate, TextWriter writer, bool detail) => writer.Write(estimate.ToText(detail));
}
