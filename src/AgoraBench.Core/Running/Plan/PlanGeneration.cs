namespace AgoraBench;

/// <summary>How a plan generates data. The defaults are the paper's (and its reference code's).</summary>
internal sealed record PlanGeneration
{
    /// <summary>Gets the meta-prompt style.</summary>
    /// <value>The default value is <see cref="PromptStyle.Agora"/>.</value>
    public PromptStyle PromptStyle { get; init; } = PromptStyle.Agora;

    /// <summary>Gets where instance-generation demonstrations come from.</summary>
    /// <value>The default value is <see cref="DemonstrationMode.SeedAndGenerated"/>.</value>
    public DemonstrationMode DemonstrationMode { get; init; } = DemonstrationMode.SeedAndGenerated;

    /// <summary>Gets how many completions one item may use before it is given up.</summary>
    /// <value>The default value is 10 (the reference code's <c>max_retries</c>).</value>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Gets the sampling temperature.</summary>
    /// <value>The default value is 1.0.</value>
    public float Temperature { get; init; } = 1.0f;

    /// <summary>Gets nucleus-sampling top-p.</summary>
    /// <value>The default value is 0.9.</value>
    public float TopP { get; init; } = 0.9f;

    /// <summary>Gets the maximum output tokens, also the limit of the length check.</summary>
    /// <value>The default value is 4,096.</value>
    public int MaxOutputTokens { get; init; } = 4096;

    /// <summary>Gets a budget in USD for each generator × setting cell, or <see langword="null"/> for none.</summary>
    public decimal? BudgetUsdPerCell { get; init; }

    /// <summary>Gets the path of a Llama-3 <c>tokenizer.model</c> for the length check (the paper's), or <see langword="null"/> for o200k_base.</summary>
    public string? LengthTokenizerFile { get; init; }

    /// <summary>Gets custom meta-prompt files by setting key (<c>method/domain</c>); settings not listed use the built-in templates.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
