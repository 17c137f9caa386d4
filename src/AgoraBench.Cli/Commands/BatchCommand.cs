using System.CommandLine;
using System.Globalization;
using AgoraBench.OpenAI;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench batch status|cancel</c>: the batches a run or a command submitted, read from their state folders.</summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var command = new Command("batch", "Show or cancel the batches a run (or generate, score, evaluate with --backend batch) submitted to a batch API.");
        command.Subcommands.Add(Sub("status", "List every batch with its status and request counts, asking the API about the open ones.\n\nExample:\n  agorabench batch status --run runs/study", cancel: false));
        command.Subcommands.Add(Sub("cancel", "Cancel every open batch: the API stops it and keeps what it finished, which a rerun collects; waiting calls fail.\n\nExample:\n  agorabench batch cancel --run runs/study", cancel: true));
        return command;
    }

    private static Command Sub(string name, string description, bool cancel)
    {
        var run = new Option<string>("--run") { Description = "A run folder, or a batch state folder (OUT.batch); every batch state below it is read.", Required = true, HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Write the batches as JSON." };
        var command = new Command(name, description) { run, json };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string root = parseResult.GetRequiredValue(run);
                if (!Directory.Exists(root))
                {
                    throw new DataValidationException([new DataError(root, null, "--run", "the folder does not exist")]);
                }

                var folders = Directory.EnumerateFiles(root, "batches.jsonl", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
                var table = new MarkdownTable(("state", false), ("batch", false), ("round", true), ("status", false), ("requests", true), ("completed", true), ("failed", true));
                var documents = new List<BatchStatusDocument>();
                foreach (string folder in folders)
                {
                    // The state folder names the model, the API's address and the key's variable (never the key).
                    var client = await OpenAIBatchChatClient.OpenFromStateAsync(folder, cancellationToken: cancellationToken).ConfigureAwait(false);
                    await using var disposeClient = client.ConfigureAwait(false);
                    if (cancel)
                    {
                        var cancelled = await client.CancelAsync(cancellationToken).ConfigureAwait(false);
                        await stdout.WriteLineAsync($"{Path.GetRelativePath(root, folder)}: cancel requested for {cancelled.Count} batch(es){(cancelled.Count == 0 ? string.Empty : ": " + string.Join(", ", cancelled))}").ConfigureAwait(false);
                    }

                    foreach (var batch in await client.GetBatchesAsync(refresh: true, cancellationToken).ConfigureAwait(false))
                    {
                        string state = Path.GetRelativePath(root, folder);
                        table.AddRow(state, batch.BatchId, Invariant(batch.Round), batch.Status, Invariant(batch.Requests), Invariant(batch.Completed), Invariant(batch.Failed));
                        documents.Add(new BatchStatusDocument { State = state, Batch = batch.BatchId, Round = batch.Round, Status = batch.Status, Requests = batch.Requests, Completed = batch.Completed, Failed = batch.Failed, Collected = batch.Collected });
                    }
                }

                if (parseResult.GetValue(json))
                {
                    await stdout.WriteAsync(ArtefactJson.Write(documents, CliJsonContext.Default.ListBatchStatusDocument)).ConfigureAwait(false);
                }
                else if (folders.Length == 0)
                {
                    await stdout.WriteLineAsync($"No batch state under {root}.").ConfigureAwait(false);
                }
                else
                {
                    CliTables.Write(table, stdout);
                }
            },
            cancellationToken));
        return command;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
