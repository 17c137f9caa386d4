using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A cell trained more than once: its PGR per training run and the training-seed vs evaluation split.</summary>
internal sealed record PgrVarianceDocument(
    int Repeats,
    [property: JsonPropertyName("pgr_per_repeat")] IReadOnlyList<double> PgrPerRepeat,
    [property: JsonPropertyName("training_seed_sd")] double TrainingSeedSd,
    [property: JsonPropertyName("training_seed_se")] double TrainingSeedSe,
    [property: JsonPropertyName("evaluation_sd")] double EvaluationSd)
{
    public static PgrVarianceDocument From(PgrVariance v) =>
        new(v.Repeats, v.RepeatValues, v.TrainingSeedSd, v.TrainingSeedStandardError, v.EvaluationSd);

    public PgrVariance ToVariance() => new(Repeats, PgrPerRepeat, TrainingSeedSd, EvaluationSd);
}
