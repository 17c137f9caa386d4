using System.CommandLine;
using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench grade</c>: grade existing predictions against a benchmark's problems.</summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var benchmark = new Option<string>("--benchmark") { Description = "gsm8k or math (code benchmarks arrive with the sandboxed runner).", Required = true, HelpName = "gsm8k|math" }
            .AcceptOnlyFromAmong("gsm8k", "math");
        var problems = new Option<string>("--problems") { Description = "The benchmark file in its native format (GSM8K test.jsonl, MATH / MATH-500 test.jsonl).", Required = true, HelpName = "FILE" };
        var predictions = new Option<string>("--predictions") { Description = "JSON Lines: {\"id\": …, \"output\": \"…\"} or {\"id\": …, \"outputs\": [\"…\"]}; ids are MATH unique_id or the 0-based GSM8K line number.", Required = true, HelpName = "FILE" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Count problems without a prediction as wrong instead of failing." };
        var output = new Option<string?>("--out") { Description = "Write {\"benchmark\", \"score\", \"n\", \"items\"} to FILE (default: standard output).", HelpName = "FILE.json" };
        var command = new Command(
            "grade",
            "Grade predictions for GSM8K or MATH: answers are extracted from [RESULT] … [/RESULT], \\boxed{}, #### x, \"the answer is x\" "
            + "or the last number, normalized, and compared as numbers, fractions, tuples, intervals or expressions.\n\n"
            + "Example:\n  agorabench grade --benchmark math --problems math500/test.jsonl --predictions preds.jsonl --out grade.json")
        {
            benchmark, problems, predictions, allowMissing, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string id = parseResult.GetRequiredValue(benchmark);
                var problemList = await BenchmarkProblems.ReadAsync(id, parseResult.GetRequiredValue(problems), cancellationToken).ConfigureAwait(false);
                string predictionsPath = parseResult.GetRequiredValue(predictions);
                var predictionList = await Predictions.ReadAsync(predictionsPath, cancellationToken).ConfigureAwait(false);
                var result = MathBenchmarkGrader.Grade(problemList, predictionList, parseResult.GetValue(allowMissing), predictionsPath);
                if (parseResult.GetValue(output) is { } path)
                {
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{id}: {result.Score:F2}% of {result.N} problems")).ConfigureAwait(false);
                }

                await CommandRunner.WriteResultAsync(result.ToJson(id), parseResult.GetValue(output), stdout, $"the {id} grades", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
