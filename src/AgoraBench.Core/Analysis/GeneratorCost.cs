namespace AgoraBench;

/// <summary>What a generator's data costs and how much PGR it buys per dollar.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Price">Its API price.</param>
/// <param name="InputTokensPerInstance">Input tokens per accepted instance.</param>
/// <param name="OutputTokensPerInstance">Output tokens per accepted instance.</param>
/// <param name="TokensMeasured"><see langword="true"/> when the token counts come from recorded usage; otherwise they are the assumed values of <see cref="AnalysisOptions"/>.</param>
/// <param name="UsdPerInstance">The cost of one accepted instance.</param>
/// <param name="UsdPerSetting">The cost of one setting: instances per setting × cost per instance.</param>
/// <param name="UsdPerStudy">The cost of a study: cells × instances per setting × cost per instance.</param>
/// <param name="Overall">The generator's overall PGR.</param>
/// <param name="PgrPerUsd">Overall PGR points per dollar of study cost.</param>
public sealed record GeneratorCost(
    string Generator,
    GeneratorPrice Price,
    double InputTokensPerInstance,
    double OutputTokensPerInstance,
    bool TokensMeasured,
    double UsdPerInstance,
    double UsdPerSetting,
    double UsdPerStudy,
    double Overall,
    double PgrPerUsd);
