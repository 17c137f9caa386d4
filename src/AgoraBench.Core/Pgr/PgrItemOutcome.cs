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
/// The mean of each column is expected to be (or track) the benchmark score. When it differs, as for a Bradley–Terry
/// or length-controlled score, the bootstrap interval is shifted to centre on the reported score.
/// </remarks>
public sealed record PgrItemOutcome(string Item, double Student, double Base, double Reference);
