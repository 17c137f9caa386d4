using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
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
                var node = new JsonArray();
                foreach (string folder in folders)
                {
                    var client = await OpenAsync(folder, cancellationToken).ConfigureAwait(false);
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
                        node.Add((JsonNode)new JsonObject { ["state"] = state, ["batch"] = batch.BatchId, ["round"] = batch.Round, ["status"] = batch.Status, ["requests"] = batch.Requests, ["completed"] = batch.Completed, ["failed"] = batch.Failed, ["collected"] = batch.Collected });
                    }
                }

                if (parseResult.GetValue(json))
                {
                    await stdout.WriteLineAsync(node.ToJsonString(JsonReport.Indented)).ConfigureAwait(false);
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

    // The state folder names the model, the API's address and the key's variable (never the key).
    private static async Task<OpenAIBatchChatClient> OpenAsync(string folder, CancellationToken cancellationToken)
    {
        var state = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "state.json"), cancellationToken).ConfigureAwait(false))!;
        string model = state["model"]!.GetValue<string>();
        string? endpointText = state["endpoint"]?.GetValue<string>();
        Uri? endpoint = endpointText is null || endpointText.StartsWith("https://api.openai.com", StringComparison.Ordinal) ? null : new Uri(endpointText);
        string keyVariable = state["api_key_env"]?.GetValue<string>() ?? "OPENAI_API_KEY";
        var client = new OpenAIModelClientFactory().CreateClient(new ModelEndpoint { Model = model, Endpoint = endpoint, ApiKeyEnvironmentVariable = keyVariable }, ModelRole.MetricJudge);
        return await OpenAIBatchChatClient.OpenAsync(client, model, new OpenAIBatchOptions { StateDirectory = folder }, endpoint, keyVariable, cancellationToken).ConfigureAwait(false);
    }
}
