using System.CommandLine;
using AgoraBench.Cli.Commands;

namespace AgoraBench.Cli;

/// <summary>Builds and runs the agorabench command line.</summary>
internal static class AgoraBenchCli
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "AGORABENCH (Kim et al., ACL 2025): which language model generates the best synthetic training data, and at what cost.");
        root.Subcommands.Add(PgrCommand.Create());
        root.Subcommands.Add(PaperCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(GradeCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(JudgeCommand.Create());
        root.Subcommands.Add(WinrateCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ExportSftCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(EstimateCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        return root;
    }

    /// <summary>Parses and runs a command line, writing to the given writers. Usage errors exit with code 2.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'agorabench --help' (or 'agorabench <command> --help') for usage.").ConfigureAwait(false);
            return CliExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
