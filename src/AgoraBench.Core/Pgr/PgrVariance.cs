namespace AgoraBench;

/// <summary>
/// Where the spread of a PGR comes from when each cell's student was trained several times with different seeds
/// (<c>training.repeats</c>): the spread of the PGR across the training runs, and the spread the evaluation problems
/// alone cause (a bootstrap over problems with the training runs held fixed).
/// </summary>
/// <remarks>
/// The PGR's interval comes from the two-level bootstrap (runs, then problems) and covers both. The mean over
/// <see cref="Repeats"/> runs has a training-seed standard error of about <see cref="TrainingSeedSd"/>/√<see cref="Repeats"/>.
/// </remarks>
internal sealed class PgrVariance
{
    internal PgrVariance(int repeats, IReadOnlyList<double> repeatValues, double trainingSeedSd, double evaluationSd)
    {
        Repeats = repeats;
        RepeatValues = repeatValues;
        TrainingSeedSd = trainingSeedSd;
        EvaluationSd = evaluationSd;
    }

    /// <summary>Gets the training runs per cell.</summary>
    public int Repeats { get; }

    /// <summary>Gets the PGR of each training run (for an overall or average, the mean over cells of each run's values), in repeat order.</summary>
    public IReadOnlyList<double> RepeatValues { get; }

    /// <summary>Gets the sample standard deviation of <see cref="RepeatValues"/>: the spread of one training run's PGR.</summary>
    public double TrainingSeedSd { get; }

    /// <summary>Gets the bootstrap standard deviation of the PGR (the mean over runs) when only the problems are resampled.</summary>
    public double EvaluationSd { get; }

    /// <summary>Gets the training-seed standard error of the mean over repeats: <see cref="TrainingSeedSd"/> / √<see cref="Repeats"/>.</summary>
    public double TrainingSeedStandardError => TrainingSeedSd / Math.Sqrt(Repeats);
}
