namespace AgoraBench;

/// <summary>How the PGR of a setting is formed from the setting's benchmarks.</summary>
/// <remarks>
/// The paper reports one PGR per domain but defines PGR per benchmark; it does not say how the two benchmarks are
/// combined. <see cref="MeanOfPgr"/> is the likelier reading and the default; <see cref="PgrOfMean"/> is offered for
/// comparison. The two differ whenever the benchmarks' gaps (reference − base) differ.
/// </remarks>
public enum PgrAggregation
{
    /// <summary>The arithmetic mean of the per-benchmark PGRs. Stable name: <c>mean-of-pgr</c>.</summary>
    MeanOfPgr = 0,

    /// <summary>PGR computed on the mean student, base and reference scores over the benchmarks. Stable name: <c>pgr-of-mean</c>.</summary>
    PgrOfMean = 1,
}
