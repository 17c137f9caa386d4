namespace AgoraBench;

/// <summary>The expected requests, tokens and dollars of one part of a plan, before anything is spent.</summary>
internal sealed class CostEstimateLine
{
    internal CostEstimateLine(RunStage stage, string? generator, AgoraBenchSetting? setting, string @item, string model, long requests, long inputTokens, long outputTokens, decimal? usd, string tokenizer)
    {
        Stage = stage;
        Generator = generator;
        Setting = setting;
        Item = @item;
        Model = model;
        Requests = requests;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        Usd = usd;
        Tokenizer = tokenizer;
    }

    /// <summary>Gets the stage.</summary>
    public RunStage Stage { get; }

    /// <summary>Gets the generator the spend is for, or <see langword="null"/> for study-wide spend (base and reference models).</summary>
    public string? Generator { get; }

    /// <summary>Gets the setting, or <see langword="null"/>.</summary>
    public AgoraBenchSetting? Setting { get; }

    /// <summary>Gets what is paid for, for example <c>generation</c>, <c>response-quality judge</c>, <c>student on gsm8k</c>.</summary>
    public string Item { get; }

    /// <summary>Gets the model that is paid.</summary>
    public string Model { get; }

    /// <summary>Gets the expected requests (for training: jobs).</summary>
    public long Requests { get; }

    /// <summary>Gets the expected input tokens (for training: tokens trained on, examples × epochs).</summary>
    public long InputTokens { get; }

    /// <summary>Gets the expected output tokens.</summary>
    public long OutputTokens { get; }

    /// <summary>Gets the expected cost in USD, or <see langword="null"/> when the model's price is unknown.</summary>
    public decimal? Usd { get; }

    /// <summary>Gets the encoding the tokens were counted with (<c>o200k_base</c>, <c>cl100k_base</c> or a Llama-3 file), with <c>≈</c> when it only approximates the model's own.</summary>
    public string Tokenizer { get; }
}

