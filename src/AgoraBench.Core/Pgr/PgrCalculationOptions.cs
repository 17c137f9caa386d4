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

    /// <summary>Creates a copy of these options.</summary>
    /// <returns>A new instance with the same values.</returns>
    public PgrCalculationOptions Clone() => new() { Aggregation = Aggregation, RequireComplete = RequireComplete };

    /// <summary>Gets the stable name of an aggregation: <c>mean-of-pgr</c> or <c>pgr-of-mean</c>.</summary>
    /// <param name="aggregation">The aggregation.</param>
    /// <returns>The name.</returns>
    public static string ToName(PgrAggregation aggregation) => aggregation switch
    {
        PgrAggregation.MeanOfPgr => "mean-of-pgr",
        PgrAggregation.PgrOfMean => "pgr-of-mean",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
    };

    /// <summary>Parses <c>mean-of-pgr</c> or <c>pgr-of-mean</c> (case-insensitive, <c>_</c> allowed).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="aggregation">The aggregation.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names an aggregation.</returns>
    public static bool TryParseAggregation(string? text, out PgrAggregation aggregation)
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
