using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A forecast's leave-one-generator-out validation as JSON, with the mean-only baseline it is measured against.</summary>
internal sealed record ForecastValidationDocument
{
    public string Method { get; init; } = "leave-one-generator-out";

    public required int Generators { get; init; }

    public required int Observations { get; init; }

    [JsonPropertyName("published_observations")]
    public required int PublishedObservations { get; init; }

    public required double Level { get; init; }

    public required double Mae { get; init; }

    public required double Rmse { get; init; }

    public required double Coverage { get; init; }

    [JsonPropertyName("mean_baseline")]
    public required ForecastBaselineDocument MeanBaseline { get; init; }

    [JsonPropertyName("better_than_mean")]
    public required bool BetterThanMean { get; init; }

    public required string Verdict { get; init; }
}
