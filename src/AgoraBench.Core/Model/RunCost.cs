namespace AgoraBench;

/// <summary>Tokens and dollars one stage spent for one generator and setting (measured from the endpoints' usage reports).</summary>
public sealed class RunCost
{
    internal RunCost(RunStage stage, string? generator, AgoraBenchSetting? setting, long requests, long inputTokens, long outputTokens, decimal? usd)
    {
        Stage = stage;
        Generator = generator;
        Setting = setting;
        Requests = requests;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        Usd = usd;
    }

    /// <summary>Gets the stage.</summary>
    public RunStage Stage { get; }

    /// <summary>Gets the generator, or <see langword="null"/> for study-wide spend (the base and reference models).</summary>
    public string? Generator { get; }

    /// <summary>Gets the setting, or <see langword="null"/>.</summary>
    public AgoraBenchSetting? Setting { get; }

    /// <summary>Gets the requests made (rejected attempts included).</summary>
    public long Requests { get; }

    /// <summary>Gets input tokens.</summary>
    public long InputTokens { get; }

    /// <summary>Gets output tokens.</summary>
    public long OutputTokens { get; }

    /// <summary>Gets the cost in USD, or <see langword="null"/> when a model's price is unknown.</summary>
    public decimal? Usd { get; }
}

