using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>generation</c> section of a plan file.</summary>
internal sealed record GenerationDocument
{
    private static readonly PlanGeneration Defaults = new();

    [AllowedValues("agora", "json")]
    [Description("The meta-prompt style: the paper's (agora) or one that asks for JSON.")]
    public string PromptStyle { get; set; } = "agora";

    [AllowedValues("seed-and-generated", "reference-code")]
    [Description("Where instance-generation demonstrations come from: seeds and earlier generated instances (the paper), or as the reference code draws them.")]
    public string Demonstrations { get; set; } = "seed-and-generated";

    [Range(1, int.MaxValue)]
    [Description("Completions one item may use before it is given up.")]
    public int MaxAttempts { get; set; } = Defaults.MaxAttempts;

    [Range(0d, 2d)]
    [Description("Sampling temperature.")]
    public double Temperature { get; set; } = (double)(decimal)Defaults.Temperature;

    [Range(0d, 1d, MinimumIsExclusive = true)]
    [Description("Nucleus-sampling top-p.")]
    public double TopP { get; set; } = (double)(decimal)Defaults.TopP;

    [Range(1, int.MaxValue)]
    [Description("Maximum output tokens, also the limit of the length check.")]
    public int MaxOutputTokens { get; set; } = Defaults.MaxOutputTokens;

    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    [Description("A budget in USD for each generator × setting cell.")]
    public decimal? BudgetUsdPerCell { get; set; }

    [Description("A Llama-3 tokenizer.model for the 4,096-token length check (the paper's); default o200k_base.")]
    public string? LengthTokenizerFile { get; set; }

    [Description("The meta-prompt file of a setting, by setting key; required for a declared domain. It keeps the paper's placeholders (<input1>…<output3>, <input>, <output>; <input_theme> only when the domain lists themes).")]
    public SettingFileMap? Templates { get; set; }
}
