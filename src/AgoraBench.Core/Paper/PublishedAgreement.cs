namespace AgoraBench;

/// <summary>
/// How far a leaderboard recomputed from the printed Table 2 cells is from the averages the paper prints.
/// </summary>
/// <param name="MaxMethodAverageDifference">The largest |computed − printed| over the 18 method averages of Table 2.</param>
/// <param name="MaxOverallDifference">The largest |computed − printed| over the six overall scores of Table 3.</param>
/// <param name="Comparisons">Every comparison made, for inspection.</param>
public sealed record PublishedAgreement(
    double MaxMethodAverageDifference,
    double MaxOverallDifference,
    IReadOnlyList<PublishedComparison> Comparisons);
