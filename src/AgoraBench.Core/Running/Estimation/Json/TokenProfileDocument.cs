using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The tokens measured per request and per instance for one setting and encoding, rounded to two decimals.</summary>
internal sealed record TokenProfileDocument(
    string Setting,
    string Tokenizer,
    int Sampled,
    [property: JsonPropertyName("prompt_tokens")] double PromptTokens,
    [property: JsonPropertyName("instruction_tokens")] double InstructionTokens,
    [property: JsonPropertyName("response_tokens")] double ResponseTokens,
    [property: JsonPropertyName("output_tokens")] double OutputTokens,
    [property: JsonPropertyName("output_tokens_ci95")] double OutputTokensCi95)
{
    public static TokenProfileDocument From(SettingTokenProfile p) => new(
        p.Setting.Key, p.Tokenizer, p.Sampled, Math.Round(p.PromptTokens, 2), Math.Round(p.InstructionTokens, 2), Math.Round(p.ResponseTokens, 2),
        Math.Round(p.OutputTokens, 2), Math.Round(p.OutputTokensMargin, 2));
}
