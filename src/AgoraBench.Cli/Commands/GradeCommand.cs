using System.CommandLine;
using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench grade</c>: grade existing predictions against a benchmark's problems.</summary>
internal static class GradeCommand
{
    /// <summary>The longest --timeout accepted for one program: a day.</summary>
    internal const double MaxTimeoutSeconds = 86_400;

    public static Command Create()
    {
        var benchmark = new Option<string>("--benchmark") { Description = "gsm8k, math, mbpp or humaneval, or with --plan any benchmark the plan declares.", Required = true, HelpName = "ID" };
        var plan = new Option<string?>("--plan") { Description = "A plan whose evaluation.benchmarks declares the benchmark (its prompt, grader and problems file).", HelpName = "PLAN.json" };
        var ks = new Option<string>("--k") { Description = "Code benchmarks: the k values of pass@k to report, comma-separated (each needs at least k samples per problem).", DefaultValueFactory = _ => "1", HelpName = "1,10" };
        var timeout = new Option<double>("--timeout") { Description = "Code benchmarks: seconds each program may run.", DefaultValueFactory = _ => 10, HelpName = "SECONDS" };
        var problems = new Option<string?>("--problems") { Description = "The benchmark file in its native format (GSM8K test.jsonl, MATH / MATH-500 test.jsonl); with --plan, the plan's problems file unless given.", HelpName = "FILE" };
        var predictions = new Option<string>("--predictions") { Description = "JSON Lines: {\"id\": …, \"output\": \"…\"} or {\"id\": …, \"outputs\": [\"…\"]}; ids are MATH unique_id or the 0-based GSM8K line number.", Required = true, HelpName = "FILE" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Count problems without a prediction as wrong instead of failing." };
        var weakSandbox = new Option<bool>("--allow-weak-sandbox") { Description = "Code benchmarks: where the kernel refuses user namespaces, grade anyway with only resource limits and a separate tester (programs can then read the host's files and reach its network; see docs/evaluation.md)." };
        var output = new Option<string?>("--out") { Description = "Write {\"benchmark\", \"score\", \"n\", \"items\"} to FILE (default: standard output).", HelpName = "FILE.json" };
        var command = new Command(
            "grade",
            "Grade predictions. GSM8K and MATH: answers are extracted from [RESULT] … [/RESULT], \\boxed{}, #### x, \"the answer is x\" "
            + "or the last number, normalized, and compared as numbers, fractions, tuples, intervals or expressions. MBPP and HumanEval: "
            + "the code is run with the problem's tests in a sandboxed Python process (timeout, memory, no network); the score is pass@1.\n\n"
            + "A benchmark declared in a plan is graded by its own grader (exact, numeric, math, python-tests, judge, pairwise).\n\n"
            + "Examples:\n  agorabench grade --benchmark math --problems math500/test.jsonl --predictions preds.jsonl --out grade.json\n"
            + "  agorabench grade --plan plan.json --benchmark sql-exec --predictions preds.jsonl")
        {
            benchmark, plan, problems, predictions, allowMissing, ks, timeout, weakSandbox, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string id = parseResult.GetRequiredValue(benchmark);
                var errors = new List<DataError>();
                var requested = new List<int>();
                foreach (string k in parseResult.GetRequiredValue(ks).Split(',', StringSplitOptions.TrimEntries))
                {
                    if (int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0)
                    {
                        requested.Add(value);
                    }
                    else
                    {
                        errors.Add(new DataError(null, null, "--k", $"'{k}' is not a positive whole number; expected a list such as 1,10"));
                    }
                }

                double seconds = parseResult.GetValue(timeout);
                if (!double.IsFinite(seconds) || seconds <= 0 || seconds > MaxTimeoutSeconds)
                {
                    errors.Add(new DataError(null, null, "--timeout", string.Create(CultureInfo.InvariantCulture, $"'{seconds}' is not a number of seconds between 0 (excluded) and {MaxTimeoutSeconds}")));
                }

                if (errors.Count > 0)
                {
                    throw new CliUsageException(errors);
                }

                var selection = await BenchmarkSelection.ResolveAsync(id, parseResult.GetValue(plan), parseResult.GetValue(problems), cancellationToken).ConfigureAwait(false);
                if (!selection.IsChecked)
                {
                    throw new CliUsageException([new DataError(null, null, "--benchmark", $"'{id}' is scored by a pairwise leaderboard; judge its predictions with 'agorabench judge'")]);
                }

                string problemsPath = selection.Problems;
                var problemList = await selection.Definition.ReadProblemsAsync(problemsPath, cancellationToken).ConfigureAwait(false);
                if (problemList.Count == 0)
                {
                    throw new DataValidationException([new DataError(problemsPath, null, null, $"the file has no {id} problems")]);
                }

                var report = await selection.GradeAsync(problemList, parseResult.GetRequiredValue(predictions), requested, TimeSpan.FromSeconds(seconds), parseResult.GetValue(weakSandbox), parseResult.GetValue(allowMissing), ignoreOtherPredictions: false, cancellationToken).ConfigureAwait(false);
                string json = report.Json!;
                if (parseResult.GetValue(output) is not null)
                {
                    await stdout.WriteLineAsync(report.Summary).ConfigureAwait(false);
                }

                await CommandRunner.WriteResultAsync(json, parseResult.GetValue(output), stdout, $"the {id} grades", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
