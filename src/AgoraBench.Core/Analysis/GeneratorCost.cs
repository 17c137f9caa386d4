namespace AgoraBench;

/// <summary>What a generator's data costs and how much PGR it buys per dollar.</summary>
public sealed class GeneratorCost
{
    internal GeneratorCost(string generator, GeneratorPrice price, double inputTokensPerInstance, double outputTokensPerInstance, bool tokensMeasured, double usdPerInstance, double usdPerSetting, double usdPerStudy, double overall, double pgrPerUsd)
    {
        Generator = generator;
        Price = price;
        InputTokensPerInstance = inputTokensPerInstance;
        OutputTokensPerInstance = outputTokensPerInstance;
        TokensMeasured = tokensMeasured;
        UsdPerInstance = usdPerInstance;
        UsdPerSetting = usdPerSetting;
        UsdPerStudy = usdPerStudy;
        Overall = overall;
        PgrPerUsd = pgrPerUsd;
    }

    /// <summary>Gets the generator.</summary>
    public string Generator { get; }

    /// <summary>Gets its API price.</summary>
    internal GeneratorPrice Price { get; }

    /// <summary>Gets input tokens per accepted instance.</summary>
    internal double InputTokensPerInstance { get; }

    /// <summary>Gets output tokens per accepted instance.</summary>
    internal double OutputTokensPerInstance { get; }

    /// <summary>Gets <see langword="true"/> when the token counts come from recorded usage; otherwise they are the assumed values of <see cref="AnalysisOptions"/>.</summary>
    internal bool TokensMeasured { get; }

    /// <summary>Gets the cost of one accepted instance.</summary>
    public double UsdPerInstance { get; }

    /// <summary>Gets the cost of one setting: instances per setting × cost per instance.</summary>
    internal double UsdPerSetting { get; }

    /// <summary>Gets the cost of a study: cells × instances per setting × cost per instance.</summary>
    internal double UsdPerStudy { get; }

    /// <summary>Gets the generator's overall PGR.</summary>
    internal double Overall { get; }

    /// <summary>Gets overall PGR points per dollar of study cost.</summary>
    public double PgrPerUsd { get; }
}
