using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench forecast</c>: PGR predicted from intrinsic metrics before any student is trained, with its validated error.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var run = new Option<string[]>("--run")
        {
            Description = "A run folder (repeatable): its cells with intrinsic metrics but no PGR yet (a pilot) are forecast; its finished cells join the training data.",
            HelpName = "DIR",
            AllowMultipleArgumentsPerToken = false,
        };
        var paper = new Option<bool>("--paper") { Description = "Forecast on the paper's published data alone (54 cells of Tables 2, 7 and 8) and print its validated error." };
        var metrics = new Option<string?>("--metrics")
        {
            Description = "The features, comma-separated: instruction-difficulty, response-quality, response-perplexity, instruction-diversity, response-diversity, reward-model-quality, problem_solving (default: every one the cells to forecast have).",
            HelpName = "LIST",
        };
        var level = new Option<double>("--level") { Description = "Coverage the prediction intervals aim at.", DefaultValueFactory = _ => 0.9, HelpName = "P" };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out("Write the forecast to FILE instead of standard output.");
        var command = new Command(
            "forecast",
            "Forecast PGR from the intrinsic metrics of generated data, before paying for training: ridge regression over the paper's 54 "
            + "published cells plus every finished cell of your runs, validated by leaving one generator out at a time. Prints each "
            + "cell's predicted PGR with a prediction interval, the validated error and interval coverage, and whether the forecast "
            + "beats predicting the mean.\n\n"
            + "Examples:\n  agorabench forecast --paper\n  agorabench forecast --run runs/pilot --format json")
        {
            run, paper, metrics, level, format, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string[] runs = parseResult.GetValue(run) ?? [];
                if (runs.Length == 0 && !parseResult.GetValue(paper))
                {
                    throw new CliUsageException([new DataError(null, null, "--run", "forecast needs --run DIR (a pilot run folder) or --paper (the paper's data alone).")]);
                }

                var options = new ForecastOptions { Level = parseResult.GetValue(level) };
                foreach (string feature in (parseResult.GetValue(metrics) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    options.Features.Add(feature);
                }
                PgrForecast forecast;
                try
                {
                    forecast = await PgrForecaster.ForecastAsync(runs, options, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException ex) when (ex.ParamName == "options")
                {
                    throw new CliUsageException([new DataError(null, null, "--level", ex.Message.Replace(" (Parameter 'options')", string.Empty, StringComparison.Ordinal)
                        .Replace("ForecastOptions.Level", "--level", StringComparison.Ordinal))]);
                }

                if (runs.Length > 0 && forecast.Predictions.Count == 0)
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync("note: every cell of the run already has a PGR: nothing to forecast; the validation uses them.").ConfigureAwait(false);
                }

                string text = PgrForecaster.Format(forecast, CommonOptions.ParseFormat(parseResult.GetRequiredValue(format)));
                await CommandRunner.WriteResultAsync(text, parseResult.GetValue(output), stdout, $"the forecast of {forecast.Predictions.Count} cell(s)", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
