namespace AgoraBench;

/// <summary>
/// Where the spread of a PGR comes from when each cell's student was trained several times with different seeds
/// (<c>training.repeats</c>): the spread of the PGR across the training runs, and the spread the evaluation problems
/// alone cause (a bootstrap over problems with the training runs held fixed).
/// </summary>
/// <param name="Repeats">The training runs per cell.</param>
/// <param name="RepeatValues">The PGR of each training run (for an overall or average, the mean over cells of each run's values), in repeat order.</param>
/// <param name="TrainingSeedSd">The sample standard deviation of <paramref name="RepeatValues"/>: the spread of one training run's PGR.</param>
/// <param name="EvaluationSd">The bootstrap standard deviation of the PGR (the mean over runs) when only the problems are resampled.</param>
/// <remarks>
/// The PGR's interval comes from the two-level bootstrap (runs, then problems) and covers both. The mean over
/// <see cref="Repeats"/> runs has a training-seed standard error of about <see cref="TrainingSeedSd"/>/√<see cref="Repeats"/>.
/// </remarks>
public sealed record PgrVariance(int Repeats, IReadOnlyList<double> RepeatValues, double TrainingSeedSd, double EvaluationSd)
{
    /// <summary>Gets the training-seed standard error of the mean over repeats: <see cref="TrainingSeedSd"/> / √<see cref="Repeats"/>.</summary>
    public double TrainingSeedStandardError => TrainingSeedSd / Math.Sqrt(Repeats);
}
