using System.CommandLine;
using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench winrate</c>: AlpacaEval 2.0 win rates from AlpacaEval's own judged games (annotations.json).</summary>
internal static class WinrateCommand
{
    public static Command Create()
    {
        var annotations = new Option<string[]>("--annotations")
        {
            Description = "AlpacaEval annotations.json file(s) (.json or .json.gz), each with one or more generator_2 models.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            HelpName = "FILE",
        };
        var difficulty = new Option<string?>("--instruction-difficulty") { Description = "length_controlled_v1: CSV index,instruction_difficulty (AlpacaEval's instruction_difficulty.csv).", HelpName = "FILE" };
        var gamed = new Option<string?>("--gamed-baselines") { Description = "length_controlled_v1: CSV model,preference,index,std_delta_len,instruction_difficulty,not_gamed_baseline (AlpacaEval's df_gamed.csv).", HelpName = "FILE" };
        var method = new Option<string>("--method") { Description = "v1 (length_controlled_v1, the leaderboard's; needs both files above) or minimal (length_controlled_minimal).", DefaultValueFactory = _ => "v1", HelpName = "v1|minimal" }
            .AcceptOnlyFromAmong("v1", "minimal");
        var output = new Option<string>("--out") { Description = "The JSON file to write: {\"models\": [{model, win_rate, length_controlled_win_rate, standard_error, games}]}.", Required = true, HelpName = "FILE.json" };
        var command = new Command(
            "winrate",
            "AlpacaEval 2.0 raw and length-controlled win rates of every model in AlpacaEval annotations files, computed as AlpacaEval's own code does.\n\n"
            + "Example:\n  agorabench winrate --annotations annotations.json --instruction-difficulty instruction_difficulty.csv --gamed-baselines df_gamed.csv --out winrates.json")
        {
            annotations, difficulty, gamed, method, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                bool v1 = parseResult.GetRequiredValue(method) != "minimal";
                string? difficultyPath = parseResult.GetValue(difficulty);
                string? gamedPath = parseResult.GetValue(gamed);
                var errors = new List<DataError>();
                if (v1)
                {
                    if (difficultyPath is null)
                    {
                        errors.Add(new DataError(null, null, "--instruction-difficulty", "is required by --method v1 (or use --method minimal)"));
                    }

                    if (gamedPath is null)
                    {
                        errors.Add(new DataError(null, null, "--gamed-baselines", "is required by --method v1 (or use --method minimal)"));
                    }
                }

                if (errors.Count > 0)
                {
                    throw new DataValidationException(errors);
                }

                var results = await AgoraBenchEvaluation.WinRatesAsync(parseResult.GetRequiredValue(annotations), v1 ? difficultyPath : null, v1 ? gamedPath : null, cancellationToken).ConfigureAwait(false);
                var table = new MarkdownTable(("model", false), ("win rate", true), ("LC win rate", true), ("standard error", true), ("games", true));
                foreach (var result in results.OrderByDescending(r => r.LengthControlledWinRate))
                {
                    table.AddRow(result.Model, MarkdownTable.Number(result.WinRate), MarkdownTable.Number(result.LengthControlledWinRate), MarkdownTable.Number(result.StandardError), result.Games.ToString(CultureInfo.InvariantCulture));
                }

                CliTables.Write(table, stdout, v1 ? "AlpacaEval 2.0 (length_controlled_v1)" : "AlpacaEval 2.0 (length_controlled_minimal)");
                var document = new WinRatesDocument
                {
                    Method = v1 ? "length_controlled_v1" : "length_controlled_minimal",
                    Models = [.. results.Select(r => new WinRateDocument
                    {
                        Model = r.Model,
                        WinRate = r.WinRate,
                        LengthControlledWinRate = r.LengthControlledWinRate,
                        StandardError = r.StandardError,
                        Games = r.Games,
                        LcStandardError = r.LengthControlledStandardError,
                    })],
                };
                string json = ArtefactJson.Write(document, CliJsonContext.Default.WinRatesDocument);
                await CommandRunner.WriteResultAsync(json, parseResult.GetRequiredValue(output), stdout, "the win rates", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
