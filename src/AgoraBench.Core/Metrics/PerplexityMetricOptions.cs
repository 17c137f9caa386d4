namespace AgoraBench;

/// <summary>Options of <see cref="PerplexityMetric"/>.</summary>
internal sealed class PerplexityMetricOptions
{
    /// <summary>
    /// Gets or sets how the instruction becomes the context. The default is raw concatenation (instruction, then
    /// response, no separator), as in the reference implementation. For a chat template, for example the paper's
    /// Llama-3 one, use <c>i =&gt; Llama3ChatTemplate.Prompt(SftExportOptions.PaperSystemPrompt, i)</c>.
    /// </summary>
    internal Func<string, string> Context { get; set; } = static instruction => instruction;

    /// <summary>Gets or sets how many scoring requests run at once.</summary>
    /// <value>The default value is 8.</value>
    public int Concurrency { get; set; } = 8;
}
