namespace AgoraBench;

/// <summary>A bootstrap interval of a score, in the score's own unit.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
internal sealed record ScoreInterval(double Lower, double Upper);
