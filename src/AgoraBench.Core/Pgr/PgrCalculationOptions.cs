namespace AgoraBench;

/// <summary>Options for <see cref="IPgrCalculator"/>.</summary>
public sealed class PgrCalculationOptions
{
    /// <summary>Gets or sets how a setting's benchmarks combine into the setting's PGR.</summary>
    /// <value>The default value is <see cref="PgrAggregation.MeanOfPgr"/>.</value>
    public PgrAggregation Aggregation { get; set; } = PgrAggregation.MeanOfPgr;

    /// <summary>
    /// Gets or sets a value indicating whether every generator must have all nine settings, each with both benchmarks of
    /// its domain. When <see langword="false"/>, averages are taken over what is present and
    /// <see cref="GeneratorPgr.IsComplete"/> says whether the grid is full.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RequireComplete { get; set; }

    /// <summary>
    /// Gets or sets the number of paired bootstrap resamples of the problems behind each interval; 0 turns intervals
    /// off. Intervals need per-problem outcomes (<see cref="BenchmarkScore.Items"/>).
    /// </summary>
    /// <value>The default value is 2000; otherwise at least 100.</value>
    public int BootstrapRounds { get; set; } = 2000;

    /// <summary>Gets or sets the confidence level of the intervals, strictly between 0 and 1.</summary>
    /// <value>The default value is 0.95.</value>
    public double Confidence { get; set; } = 0.95;

    /// <summary>Gets or sets the bootstrap's random seed; the same seed and data give the same intervals.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>Creates a copy of these options.</summary>
    /// <returns>A new instance with the same values.</returns>
    internal PgrCalculationOptions Clone() => new()
    {
        Aggregation = Aggregation,
        RequireComplete = RequireComplete,
        BootstrapRounds = BootstrapRounds,
        Confidence = Confidence,
        Seed = Seed,
    };

    /// <summary>Lists every problem with the bootstrap settings of these options (empty when they are valid).</summary>
    /// <returns>One message per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BootstrapRounds != 0 && BootstrapRounds < 100)
        {
            problems.Add($"BootstrapRounds must be 0 (no intervals) or at least 100; it is {BootstrapRounds}.");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            problems.Add($"Confidence must lie strictly between 0 and 1 (for example 0.95); it is {Confidence}.");
        }

        return problems;
    }

    /// <summary>Gets the stable name of an aggregation: <c>mean-of-pgr</c> or <c>pgr-of-mean</c>.</summary>
    /// <param name="aggregation">The aggregation.</param>
    /// <returns>The name.</returns>
    internal static string ToName(PgrAggregation aggregation) => aggregation switch
    {
        PgrAggregation.MeanOfPgr => "mean-of-pgr",
        PgrAggregation.PgrOfMean => "pgr-of-mean",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
    };

    /// <summary>Parses <c>mean-of-pgr</c> or <c>pgr-of-mean</c> (case-insensitive, <c>_</c> allowed).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="aggregation">The aggregation.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names an aggregation.</returns>
    internal static bool TryParseAggregation(string? text, out PgrAggregation aggregation)
    {
        switch (AgoraBenchNames.Normalize(text))
        {
            case "mean-of-pgr":
                aggregation = PgrAggregation.MeanOfPgr;
                return true;
            case "pgr-of-mean":
                aggregation = PgrAggregation.PgrOfMean;
                return true;
            default:
                aggregation = default;
                return false;
        }
    }
}
