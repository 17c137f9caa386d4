using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench judge</c>: pairwise judging against a baseline (Arena-Hard, AlpacaEval).</summary>
internal static class JudgeCommand
{
    public static Command Create()
    {
        var benchmark = new Option<string>("--benchmark") { Description = "arena-hard (Bradley–Terry score with bootstrap interval) or alpaca-eval (raw and length-controlled win rate).", Required = true, HelpName = "arena-hard|alpaca-eval" }
            .AcceptOnlyFromAmong("arena-hard", "alpaca-eval");
        var questions = new Option<string>("--questions") { Description = "The questions (Arena-Hard question.jsonl; AlpacaEval instructions with reference outputs).", Required = true, HelpName = "FILE" };
        var answers = new Option<string>("--answers") { Description = "The model's answers (predictions from 'agorabench evaluate', or an Arena-Hard model-answer file).", Required = true, HelpName = "FILE" };
        var baseline = new Option<string?>("--baseline") { Description = "The baseline's answers (Arena-Hard: e.g. gpt-4-0314.jsonl). AlpacaEval: default the questions file's reference outputs.", HelpName = "FILE" };
        var judgeModel = new Option<string>("--judge-model") { Description = "The judge model.", Required = true, HelpName = "MODEL" };
        var judgeEndpoint = new Option<string?>("--judge-endpoint") { Description = "The judge's base URL ending in /v1 (default OpenAI).", HelpName = "URL" };
        var judgeKey = new Option<string>("--judge-api-key-env") { Description = "Environment variable with the judge's key.", DefaultValueFactory = _ => "OPENAI_API_KEY", HelpName = "VAR" };
        var model = new Option<string>("--model-name") { Description = "The judged model's name in the results.", DefaultValueFactory = _ => "model", HelpName = "NAME" };
        var rounds = new Option<int>("--bootstrap") { Description = "Bootstrap rounds for the Arena-Hard interval.", DefaultValueFactory = _ => 100, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed.", DefaultValueFactory = _ => 42, HelpName = "N" };
        var concurrency = new Option<int>("--concurrency") { Description = "Judge requests in flight.", DefaultValueFactory = _ => 8, HelpName = "K" };
        var difficulty = new Option<string?>("--instruction-difficulty") { Description = "alpaca-eval: AlpacaEval's instruction_difficulty.csv; with --gamed-baselines the LC win rate is length_controlled_v1 (otherwise length_controlled_minimal).", HelpName = "FILE" };
        var gamed = new Option<string?>("--gamed-baselines") { Description = "alpaca-eval: AlpacaEval's df_gamed.csv (with --instruction-difficulty).", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "The result JSON.", Required = true, HelpName = "FILE.json" };
        var command = new Command(
            "judge",
            "Judge a model's answers against a baseline with an LLM judge: two games per question with the positions swapped, verdicts [[A>>B]] … [[B>>A]].\n\n"
            + "Example:\n  agorabench judge --benchmark arena-hard --questions question.jsonl --answers student.jsonl --baseline gpt-4-0314.jsonl --judge-model gpt-4o --out arena.json")
        {
            benchmark, questions, answers, baseline, judgeModel, judgeEndpoint, judgeKey, model, rounds, seed, concurrency, difficulty, gamed, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string kind = parseResult.GetRequiredValue(benchmark);
                Uri? endpoint = null;
                if (parseResult.GetValue(judgeEndpoint) is { } text && !Uri.TryCreate(text, UriKind.Absolute, out endpoint))
                {
                    throw new DataValidationException([new DataError(null, null, "--judge-endpoint", $"'{text}' is not an absolute URL")]);
                }

                string? difficultyPath = parseResult.GetValue(difficulty);
                string? gamedPath = parseResult.GetValue(gamed);
                string? baselinePath = parseResult.GetValue(baseline);
                var errors = new List<DataError>();
                if (kind == "arena-hard" && baselinePath is null)
                {
                    errors.Add(new DataError(null, null, "--baseline", "is required for arena-hard"));
                }

                if ((difficultyPath is null) != (gamedPath is null))
                {
                    errors.Add(new DataError(null, null, difficultyPath is null ? "--instruction-difficulty" : "--gamed-baselines", "is required with the other length_controlled_v1 input"));
                }

                if (errors.Count > 0)
                {
                    throw new DataValidationException(errors);
                }

                var report = await AgoraBenchEvaluation.JudgeAsync(
                    EndpointClients.Chat(endpoint, parseResult.GetRequiredValue(judgeKey), parseResult.GetRequiredValue(judgeModel)),
                    kind,
                    parseResult.GetRequiredValue(questions),
                    parseResult.GetRequiredValue(answers),
                    baselinePath,
                    parseResult.GetRequiredValue(model),
                    parseResult.GetValue(rounds),
                    parseResult.GetValue(seed),
                    parseResult.GetValue(concurrency),
                    difficultyPath,
                    gamedPath,
                    cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync(report.Summary).ConfigureAwait(false);
                await CommandRunner.WriteResultAsync(report.Json!, parseResult.GetRequiredValue(output), stdout, "the judgment", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
