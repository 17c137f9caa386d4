namespace AgoraBench;

/// <summary>
/// How far a leaderboard recomputed from the printed Table 2 cells is from the averages the paper prints.
/// </summary>
public sealed class PublishedAgreement
{
    internal PublishedAgreement(double maxMethodAverageDifference, double maxOverallDifference, IReadOnlyList<PublishedComparison> comparisons)
    {
        MaxMethodAverageDifference = maxMethodAverageDifference;
        MaxOverallDifference = maxOverallDifference;
        Comparisons = comparisons;
    }

    /// <summary>Gets the largest |computed − printed| over the 18 method averages of Table 2.</summary>
    public double MaxMethodAverageDifference { get; }

    /// <summary>Gets the largest |computed − printed| over the six overall scores of Table 3.</summary>
    public double MaxOverallDifference { get; }

    /// <summary>Gets every comparison made, for inspection.</summary>
    internal IReadOnlyList<PublishedComparison> Comparisons { get; }
}
