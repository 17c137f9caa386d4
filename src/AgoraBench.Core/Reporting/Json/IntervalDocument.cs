using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A confidence interval in a report file: <c>[low, high]</c>, or <c>{"problem": …}</c> when it is not defined.</summary>
[JsonConverter(typeof(IntervalDocumentJsonConverter))]
internal sealed record IntervalDocument(double Low, double High, string? Problem)
{
    public static IntervalDocument From(ConfidenceInterval interval) => interval.IsDefined
        ? new(interval.Lower, interval.Upper, null)
        : new(double.NaN, double.NaN, interval.Problem ?? "no resample gave a defined value");

    /// <summary>The interval around <paramref name="estimate"/>; the file does not keep the level or the resamples, so the caller passes them.</summary>
    public ConfidenceInterval ToInterval(double estimate, double confidence, int rounds) => Problem is { } problem
        ? ConfidenceInterval.Undefined(estimate, confidence, rounds, problem)
        : new(estimate, Low, High, confidence, rounds, 0);
}
