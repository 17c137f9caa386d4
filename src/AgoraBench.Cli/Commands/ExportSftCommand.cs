using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench export-sft</c>: write a dataset as a supervised fine-tuning file.</summary>
internal static class ExportSftCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The generated dataset (JSON Lines or the reference JSON array).", Required = true, HelpName = "FILE" };
        var format = new Option<string>("--format")
        {
            Description = "openai-chat (OpenAI fine-tuning), messages (Hugging Face), prompt-completion (TRL: loss on the response only) or llama3 (the paper's template as text).",
            Required = true,
            HelpName = "FORMAT",
        }.AcceptOnlyFromAmong("openai-chat", "messages", "prompt-completion", "llama3");
        var seed = new Option<string?>("--seed-data") { Description = "Seed instances to train on as well (the paper does this for instance generation); written first.", HelpName = "FILE" };
        var system = new Option<string?>("--system-prompt") { Description = $"The system prompt (default: \"{SftExportOptions.PaperSystemPrompt}\"; empty to leave it out where the format allows).", HelpName = "TEXT" };
        var output = new Option<string>("--out") { Description = "The JSON Lines file to write.", Required = true, HelpName = "FILE" };
        var command = new Command(
            "export-sft",
            "Export a dataset for supervised fine-tuning, validating every instance first.\n\nExample:\n  agorabench export-sft --data gen.jsonl --format prompt-completion --out train.jsonl")
        {
            data, format, seed, system, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var instances = await SyntheticDataset.ReadAsync(parseResult.GetRequiredValue(data), cancellationToken: cancellationToken).ConfigureAwait(false);
                var options = new SftExportOptions
                {
                    SeedInstances = parseResult.GetValue(seed) is { } s ? await SyntheticDataset.ReadAsync(s, cancellationToken: cancellationToken).ConfigureAwait(false) : [],
                    SystemPrompt = parseResult.GetValue(system) ?? SftExportOptions.PaperSystemPrompt,
                };
                var sftFormat = SftExporter.TryParseFormat(parseResult.GetRequiredValue(format), out var parsed) ? parsed : SftFormat.PromptCompletion;
                string path = parseResult.GetRequiredValue(output);
                int written = await SftExporter.WriteAsync(path, instances, sftFormat, options, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"Wrote {written} examples ({options.SeedInstances.Count} seed + {instances.Count} generated) as {SftExporter.ToName(sftFormat)} to {path}").ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
