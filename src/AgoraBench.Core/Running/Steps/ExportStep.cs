using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>Exports one dataset as SFT training data in the trainer's format, with the seed data first for instance generation (Table 1).</summary>
internal sealed class ExportStep(RunStepInfo info, GenerateStep generate) : RunStep(info, [generate])
{
    public GenerateStep Generate { get; } = generate;

    public override IReadOnlyList<string> Outputs(RunContext context) => [context.Directory.Sft(Generate.Generator.Name, Generate.Setting)];

    public override async Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken)
    {
        var setting = Generate.Setting;
        return new JsonObject
        {
            ["format"] = SftExporter.ToName(context.Plan.Training.Format),
            ["system_prompt"] = SftExportOptions.PaperSystemPrompt,
            ["seed_data"] = setting.TrainsOnSeedData ? await context.FileHashAsync(context.Plan.Seeds[setting.Key], cancellationToken).ConfigureAwait(false) : null,
        };
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var setting = Generate.Setting;
        var instances = await SyntheticDataset.ReadAsync(context.Directory.Data(Generate.Generator.Name, setting), cancellationToken: cancellationToken).ConfigureAwait(false);
        var seeds = setting.TrainsOnSeedData ? await context.SeedsAsync(setting, cancellationToken).ConfigureAwait(false) : [];
        int written = await SftExporter.WriteAsync(
            context.Directory.Sft(Generate.Generator.Name, setting),
            instances,
            context.Plan.Training.Format,
            new SftExportOptions { SeedInstances = seeds },
            cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["examples"] = written, ["generated"] = instances.Count, ["seed"] = seeds.Count };
    }
}
