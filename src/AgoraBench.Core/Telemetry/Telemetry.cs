using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgoraBench;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of AgoraBench and its instruments (names in
/// <see cref="AgoraBenchTelemetry"/>). Callers check <see cref="Instrument.Enabled"/> before building tags, and
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns <see langword="null"/> without listeners, so
/// nothing is allocated while nobody listens.
/// </summary>
internal static class Telemetry
{
    private static readonly string? Version = typeof(Telemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(AgoraBenchTelemetry.Name, Version);

    public static readonly Meter Meter = new(AgoraBenchTelemetry.Name, Version);

    public static readonly Counter<long> Instances = Meter.CreateCounter<long>(AgoraBenchTelemetry.InstancesInstrument, "{instance}", "Instances generated and accepted.");

    public static readonly Counter<long> Rejections = Meter.CreateCounter<long>(AgoraBenchTelemetry.RejectionsInstrument, "{completion}", "Generated completions rejected by validation.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(AgoraBenchTelemetry.RetriesInstrument, "{request}", "Generation requests retried after a transport failure.");

    public static readonly Counter<long> Tokens = Meter.CreateCounter<long>(AgoraBenchTelemetry.TokensInstrument, "{token}", "Tokens the generator's endpoint reported.");

    public static readonly Counter<double> Cost = Meter.CreateCounter<double>(AgoraBenchTelemetry.CostInstrument, "USD", "Money spent at the plan's prices.");

    public static readonly Counter<long> Graded = Meter.CreateCounter<long>(AgoraBenchTelemetry.GradedInstrument, "{sample}", "Benchmark samples graded.");

    public static readonly Counter<long> Judgments = Meter.CreateCounter<long>(AgoraBenchTelemetry.JudgmentsInstrument, "{game}", "Pairwise games judged.");

    public static readonly Counter<long> SandboxPrograms = Meter.CreateCounter<long>(AgoraBenchTelemetry.SandboxProgramsInstrument, "{program}", "Programs run in the Python sandbox.");

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram(
        AgoraBenchTelemetry.StepDurationInstrument,
        "s",
        "Seconds each executed run step took.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 14400, 28800] });

    private static readonly Instrument[] All = [Instances, Rejections, Retries, Tokens, Cost, Graded, Judgments, SandboxPrograms, StepDuration];

    public static bool HasListeners()
    {
        if (Source.HasListeners())
        {
            return true;
        }

        foreach (var instrument in All)
        {
            if (instrument.Enabled)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds spend at the plan's prices, when priced and listened to.</summary>
    public static void AddCost(decimal? usd, string stage, string model)
    {
        if (usd is { } value && value > 0 && Cost.Enabled)
        {
            Cost.Add((double)value, new(AgoraBenchTelemetry.StageAttribute, stage), new(AgoraBenchTelemetry.RequestModelAttribute, model));
        }
    }

    /// <summary>Marks a span as failed the way OpenTelemetry expects: error status, <c>error.type</c> and a redacted description.</summary>
    public static void Fail(Activity? activity, string errorType, string? description)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, description);
        activity.SetTag("error.type", errorType);
    }
}
