using System.Text.Json.Serialization;

namespace AgoraBench.Benchmarks;

/// <summary>A hand-written row type, as a user without AgoraBench would deserialize a dataset line into.</summary>
public sealed record PlainRow(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("instruction")] string Instruction,
    [property: JsonPropertyName("response")] string Response,
    [property: JsonPropertyName("method")] string? Method,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("generator")] string? Generator);

[JsonSerializable(typeof(PlainRow))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
