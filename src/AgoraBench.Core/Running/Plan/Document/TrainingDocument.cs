using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>training</c> section of a plan file.</summary>
internal sealed record TrainingDocument
{
    private static readonly PlanTraining Defaults = new();

    [Description("command, openai, precomputed, or a name a host registers.")]
    public string Trainer { get; set; } = Defaults.Trainer;

    [Description("The base model students are fine-tuned from; ${VAR} is expanded.")]
    public string BaseModel { get; set; } = Defaults.BaseModel;

    [Description("The command trainer's template; placeholders {data} {output_dir} {base_model} {epochs} {learning_rate} {batch_size} {gradient_accumulation} {max_seq_length} {seed} {run_name} {format} {work_dir}. It writes {output_dir}/result.json with model_id and endpoint.")]
    public string? Command { get; set; }

    [AllowedValues("openai-chat", "messages", "prompt-completion", "llama3")]
    [Description("The SFT file format handed to the trainer.")]
    public string Format { get; set; } = SftExporter.ToName(Defaults.Format);

    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    [Description("Minutes one training run may take.")]
    public double? TimeoutMinutes { get; set; }

    public HyperparametersDocument? Hyperparameters { get; set; }

    [Description("Variables set for the training command (recorded in the manifest: never keys).")]
    public Dictionary<string, string>? Environment { get; set; }

    [Description("The fine-tuning API of the openai trainer (default OpenAI).")]
    public EndpointDocument? Api { get; set; }

    [Description("precomputed trainer: student.json files by generator name, then setting.")]
    public Dictionary<string, SettingFileMap>? Students { get; set; }

    [Range(0d, double.MaxValue)]
    [Description("USD per million training tokens, for estimates and the run's cost.")]
    public decimal? PriceUsdPerMillionTrainingTokens { get; set; }

    [Description("The price of querying a trained student.")]
    public PriceDocument? StudentPrice { get; set; }

    [Range(1, int.MaxValue)]
    [Description("Requests in flight to each student.")]
    public int StudentConcurrency { get; set; } = Defaults.StudentConcurrency;

    [Range(1, int.MaxValue)]
    [Description("Training runs per cell, each with its own seed (hyperparameters.seed, then +1, ...), run name and evaluation; a cell's PGR is the mean over them.")]
    public int Repeats { get; set; } = Defaults.Repeats;
}
