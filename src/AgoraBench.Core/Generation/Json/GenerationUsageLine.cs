using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The usage of one attempt-log line, read without the rest of the line (a line without usage counts as 0).</summary>
internal sealed record GenerationUsageLine(
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens);
