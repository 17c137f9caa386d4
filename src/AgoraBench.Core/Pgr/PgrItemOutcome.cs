namespace AgoraBench;

/// <summary>
/// One benchmark problem's outcome for the three models behind a PGR: the student's, the base model's and the
/// reference model's result on the same problem (for example 100 for a correct answer and 0 for a wrong one, a
/// fraction of passing samples in percent, or a pairwise preference in percent).
/// </summary>
/// <param name="Item">The problem's identifier.</param>
/// <param name="Student">The student's result.</param>
/// <param name="Base">The base model's result.</param>
/// <param name="Reference">The reference model's result.</param>
/// <remarks>
/// The weighted mean of each column is expected to be (or track) the benchmark score. When it differs, as for a
/// length-controlled win rate, the bootstrap interval is shifted to centre on the reported score.
/// </remarks>
internal sealed record PgrItemOutcome(string Item, double Student, double Base, double Reference)
{
    /// <summary>Gets the weight of the student's result in its score (Arena-Hard: the question's weighted games).</summary>
    /// <value>The default value is 1.</value>
    public double StudentWeight { get; init; } = 1;

    /// <summary>Gets the weight of the base model's result in its score.</summary>
    /// <value>The default value is 1.</value>
    public double BaseWeight { get; init; } = 1;

    /// <summary>Gets the weight of the reference model's result in its score.</summary>
    /// <value>The default value is 1.</value>
    public double ReferenceWeight { get; init; } = 1;

    /// <summary>
    /// Gets which training run of the cell's student the <see cref="Student"/> result belongs to (1, 2, …) when the
    /// plan trains each cell several times (<c>training.repeats</c>); a problem then has one outcome per repeat, and
    /// the score's <see cref="BenchmarkScore.Student"/> is the mean over repeats.
    /// </summary>
    /// <value>The default value is 1.</value>
    public int Repeat { get; init; } = 1;
}
