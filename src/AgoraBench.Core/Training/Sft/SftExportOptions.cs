namespace AgoraBench;

/// <summary>Options of <see cref="SftExporter"/>.</summary>
public sealed class SftExportOptions
{
    /// <summary>The system prompt of the paper's training template (llama-recipes fork).</summary>
    public const string PaperSystemPrompt = "You are a helpful AI assistant.";

    /// <summary>Gets or sets the system prompt.</summary>
    /// <value>The default value is <see cref="PaperSystemPrompt"/>. <see cref="SftFormat.OpenAIChat"/> and <see cref="SftFormat.Llama3"/> always carry it; the other formats only when it is not empty.</value>
    public string SystemPrompt { get; set; } = PaperSystemPrompt;

    /// <summary>
    /// Gets or sets seed instances written before the generated ones. The paper trains instance-generation students on
    /// the seed data plus the generated data (Table 1); pass the seed set here for those settings.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<SyntheticInstance> SeedInstances { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether an instance with an empty instruction or response is an error (otherwise it is skipped and counted).</summary>
    /// <value>The default value is <see langword="true"/>: nothing is dropped silently.</value>
    internal bool RejectEmpty { get; set; } = true;

    /// <summary>Gets or sets the minimum number of examples; OpenAI fine-tuning requires 10.</summary>
    /// <value>The default value is 1.</value>
    public int MinimumExamples { get; set; } = 1;
}
