using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench paper</c>: the AGORABENCH leaderboard recomputed from the paper's published cells.</summary>
internal static class PaperCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format();
        var output = CommonOptions.Out("Write the leaderboard to FILE instead of standard output.");
        var command = new Command(
            "paper",
            "Show the AGORABENCH leaderboard of the paper's six generators: the 54 published PGR cells (Table 2), with "
            + "method averages and overall scores recomputed from them, ranked, with API prices (Table 3). Works offline.\n\n"
            + "Example:\n  agorabench paper --format json --out leaderboard.json")
        {
            format, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var report = PublishedResults.CreateLeaderboard();
                var agreement = PublishedResults.MeasureAgreement(report);
                string text = PaperLeaderboardWriter.Write(report, agreement, CommonOptions.ParseFormat(parseResult.GetRequiredValue(format)));
                await CommandRunner.WriteResultAsync(text, parseResult.GetValue(output), stdout, "the AGORABENCH leaderboard", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
