namespace AgoraBench;

/// <summary>
/// Grades one answer of a benchmark: a score in [0, 1] with the reason, or "unscored" with the reason (reported, and
/// not counted as wrong). Built-in kinds are in <see cref="GraderRegistry"/>; a host adds its own with
/// <see cref="GraderRegistry.Add"/> or <c>AddGrader</c> on the AgoraBench builder.
/// </summary>
public interface IBenchmarkGrader
{
    /// <summary>Grades one answer.</summary>
    /// <param name="item">The problem and the model's answer.</param>
    /// <param name="cancellationToken">Cancels the grading.</param>
    /// <returns>The score.</returns>
    Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default);
}
