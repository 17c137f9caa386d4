using System.CommandLine;
using System.Globalization;

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

                var problems = await BenchmarkProblems.ReadAsync(kind == "arena-hard" ? "arena-hard" : "alpacaeval-2.0", parseResult.GetRequiredValue(questions), cancellationToken).ConfigureAwait(false);
                var questionTexts = problems.ToDictionary(p => p.Id, p => p.Prompt, StringComparer.Ordinal);
                var modelAnswers = await AnswerFiles.ReadAsync(parseResult.GetRequiredValue(answers), cancellationToken).ConfigureAwait(false);
                IReadOnlyDictionary<string, string> baselineAnswers = parseResult.GetValue(baseline) is { } b
                    ? await AnswerFiles.ReadAsync(b, cancellationToken).ConfigureAwait(false)
                    : kind == "alpaca-eval"
                        ? problems.Where(p => p.Answer is not null).ToDictionary(p => p.Id, p => p.Answer!, StringComparer.Ordinal)
                        : throw new DataValidationException([new DataError(null, null, "--baseline", "is required for arena-hard")]);
                var missing = questionTexts.Keys.Where(q => !modelAnswers.ContainsKey(q) || !baselineAnswers.ContainsKey(q)).ToArray();
                if (missing.Length > 0)
                {
                    await stdout.WriteLineAsync($"note: {missing.Length} question(s) lack the model's or the baseline's answer and are left out (first: {string.Join(", ", missing.Take(3))})").ConfigureAwait(false);
                }

                LengthControlInputs? lengthControl = null;
                string? difficultyPath = parseResult.GetValue(difficulty);
                string? gamedPath = parseResult.GetValue(gamed);
                if (difficultyPath is not null || gamedPath is not null)
                {
                    lengthControl = difficultyPath is not null && gamedPath is not null
                        ? await LengthControlInputs.LoadAsync(difficultyPath, gamedPath, cancellationToken).ConfigureAwait(false)
                        : throw new DataValidationException([new DataError(null, null, difficultyPath is null ? "--instruction-difficulty" : "--gamed-baselines", "is required with the other length_controlled_v1 input")]);
                }

                var judge = new PairwiseJudge(EndpointClients.Chat(endpoint, parseResult.GetRequiredValue(judgeKey), parseResult.GetRequiredValue(judgeModel)));
                string name = parseResult.GetRequiredValue(model);
                var result = await PairwiseBenchmark.ScoreAsync(
                    judge,
                    kind,
                    questionTexts,
                    modelAnswers,
                    baselineAnswers,
                    name,
                    new BradleyTerryOptions { BootstrapRounds = parseResult.GetValue(rounds), Seed = parseResult.GetValue(seed) },
                    parseResult.GetValue(concurrency),
                    lengthControl,
                    cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync(result is { Lower: double lower, Upper: double upper }
                    ? string.Create(CultureInfo.InvariantCulture, $"arena-hard: score {result.Score:F1} | 95% CI: ({Math.Round(lower - result.Score, 1):0.0}, {Math.Round(upper - result.Score, 1):0.0}) | {lower:F1} to {upper:F1} from {result.Games} games, {result.Unjudged} without a verdict")
                    : string.Create(CultureInfo.InvariantCulture, $"alpaca-eval: win rate {result.WinRate:F1}, length-controlled {result.Score:F1} from {result.Games} games, {result.Unjudged} without a verdict")).ConfigureAwait(false);
                string json = result.ToJson();
                await CommandRunner.WriteResultAsync(json, parseResult.GetRequiredValue(output), stdout, "the judgment", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
