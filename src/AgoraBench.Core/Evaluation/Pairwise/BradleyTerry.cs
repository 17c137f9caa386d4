namespace AgoraBench;

/// <summary>
/// Bradley–Terry ratings from pairwise judgments, as Arena-Hard reports them: each game is a win, a loss or a tie (half
/// a win each), strong verdicts count <see cref="BradleyTerryOptions.StrongVerdictWeight"/> times, strengths are fitted
/// by the minorization–maximization algorithm (Hunter 2004), shown on the Elo scale with the baseline anchored, and the
/// score is the expected win rate against the baseline. A seeded bootstrap gives the intervals: by default Arena-Hard's
/// own, which expands each strong verdict into that many rows and resamples rows; the interval of the score is the
/// win rate at the percentiles of the bootstrap ratings, as Arena-Hard's <c>show_result.py</c> computes it.
/// </summary>
internal static class BradleyTerry
{
    /// <summary>Fits ratings.</summary>
    /// <param name="judgments">The games (both position orders of each question, as Arena-Hard plays them).</param>
    /// <param name="baseline">The baseline model.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>Every model's rating, best first (the baseline included).</returns>
    /// <exception cref="DataValidationException">The baseline plays no game, or a model is not connected to the others.</exception>
    public static IReadOnlyList<BradleyTerryRating> Fit(IReadOnlyList<PairwiseJudgment> judgments, string baseline, BradleyTerryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(baseline);
        options = BradleyTerryOptionsValidator.Instance.ThrowIfInvalid(options ?? new BradleyTerryOptions(), nameof(options));
        var models = judgments.SelectMany(j => new[] { j.ModelA, j.ModelB }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int baseIndex = Array.IndexOf(models, baseline);
        if (baseIndex < 0)
        {
            throw new DataValidationException($"The baseline '{baseline}' plays no game.");
        }

        var index = models.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        int m = models.Length;
        var games = options.Bootstrap == ArenaHardBootstrap.ExpandedRows
            ? judgments.SelectMany(j => Rows(index[j.ModelA], index[j.ModelB], j.Verdict, options.StrongVerdictWeight)).ToArray()
            : judgments.Select(j => Game(index[j.ModelA], index[j.ModelB], j.Verdict, options.StrongVerdictWeight)).ToArray();

        double[] strengths = Strengths(games, m, Enumerable.Range(0, games.Length), baseIndex)
            ?? throw new DataValidationException("Some model never wins or never loses against the others, so its strength is unbounded; add games or ties.");

        var ratingSamples = new List<double>[m];
        var scoreSamples = new List<double>[m];
        for (int k = 0; k < m; k++)
        {
            ratingSamples[k] = [];
            scoreSamples[k] = [];
        }

        var random = new Random(options.Seed);
        var sample = new int[games.Length];
        for (int round = 0; round < options.BootstrapRounds; round++)
        {
            for (int g = 0; g < sample.Length; g++)
            {
                sample[g] = random.Next(games.Length);
            }

            if (Strengths(games, m, sample, baseIndex) is { } resampled)
            {
                for (int k = 0; k < m; k++)
                {
                    ratingSamples[k].Add(Rating(resampled[k], options));
                    scoreSamples[k].Add(Score(resampled[k]));
                }
            }
        }

        double alpha = (1 - options.Confidence) / 2;
        return [.. Enumerable.Range(0, m)
            .Select(k =>
            {
                ratingSamples[k].Sort();
                scoreSamples[k].Sort();
                var ratingInterval = Interval(ratingSamples[k], alpha, Rating(strengths[k], options));
                var scoreInterval = options.Bootstrap == ArenaHardBootstrap.ExpandedRows
                    ? (ScoreOfRating(ratingInterval.Item1, options), ScoreOfRating(ratingInterval.Item2, options))
                    : Interval(scoreSamples[k], alpha, Score(strengths[k]));
                return new BradleyTerryRating(models[k], Rating(strengths[k], options), Score(strengths[k]), ratingInterval, scoreInterval);
            })
            .OrderByDescending(r => r.Rating)];
    }

    /// <summary>Turns a verdict into the wins it gives each side.</summary>
    private static (int A, int B, double WinsA, double WinsB) Game(int a, int b, PairwiseVerdict verdict, int strong) => verdict switch
    {
        PairwiseVerdict.AMuchBetter => (a, b, strong, 0),
        PairwiseVerdict.ABetter => (a, b, 1, 0),
        PairwiseVerdict.Tie => (a, b, 0.5, 0.5),
        PairwiseVerdict.BBetter => (a, b, 0, 1),
        PairwiseVerdict.BMuchBetter => (a, b, 0, strong),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };

    /// <summary>Arena-Hard's rows of a game: a strong verdict is <paramref name="strong"/> identical one-win rows.</summary>
    private static IEnumerable<(int A, int B, double WinsA, double WinsB)> Rows(int a, int b, PairwiseVerdict verdict, int strong)
    {
        var (_, _, winsA, winsB) = Game(a, b, verdict, 1);
        int copies = verdict is PairwiseVerdict.AMuchBetter or PairwiseVerdict.BMuchBetter ? strong : 1;
        return Enumerable.Repeat((a, b, winsA, winsB), copies);
    }

    private static double[]? Strengths((int A, int B, double WinsA, double WinsB)[] games, int m, IEnumerable<int> selection, int baseIndex)
    {
        var wins = new double[m];
        var pairGames = new double[m, m];
        foreach (int g in selection)
        {
            var (a, b, wa, wb) = games[g];
            wins[a] += wa;
            wins[b] += wb;
            pairGames[a, b] += wa + wb;
            pairGames[b, a] += wa + wb;
        }

        for (int k = 0; k < m; k++)
        {
            double total = 0;
            for (int j = 0; j < m; j++)
            {
                total += pairGames[k, j];
            }

            if (wins[k] <= 0 || wins[k] >= total)
            {
                return null;
            }
        }

        var p = Enumerable.Repeat(1.0, m).ToArray();
        var next = new double[m];
        for (int iteration = 0; iteration < 1000; iteration++)
        {
            double change = 0;
            for (int k = 0; k < m; k++)
            {
                double denominator = 0;
                for (int j = 0; j < m; j++)
                {
                    if (j != k && pairGames[k, j] > 0)
                    {
                        denominator += pairGames[k, j] / (p[k] + p[j]);
                    }
                }

                next[k] = wins[k] / denominator;
            }

            double anchor = next[baseIndex];
            for (int k = 0; k < m; k++)
            {
                double value = next[k] / anchor;
                change = Math.Max(change, Math.Abs(Math.Log(value / p[k])));
                p[k] = value;
            }

            if (change < 1e-10)
            {
                break;
            }
        }

        return p;
    }

    private static double Rating(double strength, BradleyTerryOptions options) => options.BaselineRating + (400 * Math.Log10(strength));

    private static double Score(double strength) => 100 * strength / (strength + 1);

    private static double ScoreOfRating(double rating, BradleyTerryOptions options) => 100 / (1 + Math.Pow(10, (options.BaselineRating - rating) / 400));

    private static (double, double) Interval(List<double> sorted, double alpha, double fallback) =>
        sorted.Count == 0 ? (fallback, fallback) : (Quantiles.Interpolated(sorted, alpha), Quantiles.Interpolated(sorted, 1 - alpha));
}
