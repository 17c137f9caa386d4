using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>What a generator costs and the PGR it buys per dollar, in <c>results.json</c>.</summary>
internal sealed record GeneratorCostDocument(
    string Generator,
    [property: JsonPropertyName("usd_per_1m_input")] double UsdPer1MInput,
    [property: JsonPropertyName("usd_per_1m_output")] double UsdPer1MOutput,
    double Overall,
    [property: JsonPropertyName("pgr_per_usd")] double PgrPerUsd,
    [property: JsonPropertyName("usd_per_instance")] double UsdPerInstance,
    [property: JsonPropertyName("usd_per_setting")] double UsdPerSetting,
    [property: JsonPropertyName("usd_per_study")] double UsdPerStudy,
    [property: JsonPropertyName("input_tokens_per_instance")] double InputTokensPerInstance,
    [property: JsonPropertyName("output_tokens_per_instance")] double OutputTokensPerInstance,
    [property: JsonPropertyName("tokens_measured")] bool TokensMeasured)
{
    public static GeneratorCostDocument From(GeneratorCost c) => new(
        c.Generator, c.Price.InputUsdPerMillionTokens, c.Price.OutputUsdPerMillionTokens, c.Overall, c.PgrPerUsd,
        c.UsdPerInstance, c.UsdPerSetting, c.UsdPerStudy, c.InputTokensPerInstance, c.OutputTokensPerInstance, c.TokensMeasured);
}
