using System.CommandLine;
using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench merge</c>: combine shards and prove nothing is missing or done twice.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("shards") { Description = "The shards: run folders (with --plan), or JSON Lines files (datasets from generate, predictions from evaluate).", Arity = ArgumentArity.OneOrMore };
        var plan = new Option<string?>("--plan") { Description = "The plan the run-folder shards ran (required for run folders).", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "The merged run folder (new or empty), or the merged JSON Lines file.", Required = true, HelpName = "DIR|FILE" };
        var expect = new Option<int?>("--expect") { Description = "JSON Lines: how many rows there should be (seed-bound items and predictions: the missing item numbers are named).", HelpName = "N" };
        var command = new Command(
            "merge",
            "Combine the shards of a sharded run (--shard i/N) into one and check that every step, item or prediction is there exactly once. "
            + "Exits with 4 when something is missing or was done twice (the merge is still written, with merge.json or the listing saying what).\n\n"
            + "Examples:\n"
            + "  agorabench merge --plan plan.json --out runs/all runs/shard-1 runs/shard-2 runs/shard-3\n"
            + "  agorabench merge --out rg-code.jsonl --expect 10000 rg-code.1.jsonl rg-code.2.jsonl")
        {
            inputs, plan, output, expect,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var shards = parseResult.GetRequiredValue(inputs);
                string target = parseResult.GetRequiredValue(output);
                bool folders = shards.All(Directory.Exists);
                if (!folders && shards.Any(Directory.Exists))
                {
                    throw new DataValidationException([new DataError(null, null, "shards", "give either run folders or JSON Lines files, not both")]);
                }

                if (folders)
                {
                    if (parseResult.GetValue(plan) is not { } planPath)
                    {
                        throw new DataValidationException([new DataError(null, null, "--plan", "is required to merge run folders")]);
                    }

                    var loaded = await CliPlans.ReadAsync(planPath, cancellationToken).ConfigureAwait(false);
                    var report = await RunMerger.MergeAsync(loaded, shards, target, cancellationToken).ConfigureAwait(false);
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Merged {report.Sources.Count} step(s) from {shards.Length} shard(s) into {target} ({report.Files} files).")).ConfigureAwait(false);
                    foreach (var group in report.Sources.GroupBy(s => s.Value, StringComparer.Ordinal))
                    {
                        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count()} step(s)")).ConfigureAwait(false);
                    }

                    await ListAsync(stdout, "missing (no shard finished it)", report.Missing).ConfigureAwait(false);
                    await ListAsync(stdout, "done by more than one shard, same outputs", report.Duplicated).ConfigureAwait(false);
                    await ListAsync(stdout, "done by more than one shard, different outputs", report.Conflicting).ConfigureAwait(false);
                    if (report.Missing.Count + report.Duplicated.Count + report.Conflicting.Count > 0)
                    {
                        throw new IncompleteRunException("step(s)", report.Missing.Count, report.Duplicated.Count, report.Conflicting.Count);
                    }

                    await stdout.WriteLineAsync($"Complete: every step done exactly once. Finish with: agorabench run --plan {planPath} --run-dir {target}").ConfigureAwait(false);
                    return;
                }

                var rows = await JsonLinesShardMerger.MergeAsync(shards, target, parseResult.GetValue(expect), cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Merged {rows.Rows} row(s) from {shards.Length} file(s) into {target}{(parseResult.GetValue(expect) is int n ? $" (expected {n})" : string.Empty)}.")).ConfigureAwait(false);
                await ListAsync(stdout, "duplicated ids (the first kept)", rows.Duplicates).ConfigureAwait(false);
                await ListAsync(stdout, "missing", rows.Missing).ConfigureAwait(false);
                if (!rows.Complete)
                {
                    throw new IncompleteRunException("row id(s)", rows.Missing.Count, rows.Duplicates.Count, 0);
                }
            },
            cancellationToken));
        return command;
    }

    private static async Task ListAsync(TextWriter stdout, string what, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{items.Count} {what}: {string.Join(", ", items.Take(20))}{(items.Count > 20 ? ", …" : string.Empty)}")).ConfigureAwait(false);
    }
}
