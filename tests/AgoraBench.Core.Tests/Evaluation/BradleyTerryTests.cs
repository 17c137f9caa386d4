namespace AgoraBench.Tests.Evaluation;

public class BradleyTerryTests
{
    private static readonly double[] TrueRatings = [1000, 850, 900, 950, 1050, 1100, 1150, 1200, 1250, 1300];

    /// <summary>Each non-baseline model plays the baseline on every question twice, positions swapped; outcomes follow BT.</summary>
    internal static List<PairwiseJudgment> Simulate(int questions, int seed)
    {
        var random = new Random(seed);
        var judgments = new List<PairwiseJudgment>();
        for (int model = 1; model < TrueRatings.Length; model++)
        {
            double pWin = 1 / (1 + Math.Pow(10, (TrueRatings[0] - TrueRatings[model]) / 400));
            for (int q = 0; q < questions; q++)
            {
                bool first = random.NextDouble() < pWin;
                bool second = random.NextDouble() < pWin;
                judgments.Add(new PairwiseJudgment($"q{q}", "baseline", $"m{model}", first ? PairwiseVerdict.BBetter : PairwiseVerdict.ABetter));
                judgments.Add(new PairwiseJudgment($"q{q}", $"m{model}", "baseline", second ? PairwiseVerdict.ABetter : PairwiseVerdict.BBetter));
            }
        }

        return judgments;
    }

    [Theory]
    [InlineData("Feedback... My final verdict is: [[A>>B]]", "AMuchBetter")]
    [InlineData("[[A>B]]", "ABetter")]
    [InlineData("it's a tie [[A=B]]", "Tie")]
    [InlineData("[[ B > A ]]", "BBetter")]
    [InlineData("first [[A>B]] then, on reflection, [[B>>A]]", "BMuchBetter")]
    public void Parse_ReadsTheLastLabel(string output, string expected) => Assert.Equal(Enum.Parse<PairwiseVerdict>(expected), PairwiseVerdictParser.Parse(output));

    [Theory]
    [InlineData("A is better")]
    [InlineData("")]
    [InlineData("[[C>A]]")]
    public void Parse_WithoutALabel_IsNull(string output) => Assert.Null(PairwiseVerdictParser.Parse(output));

    [Fact]
    public void Fit_RecoversKnownStrengths_WithinTheirBootstrapIntervals()
    {
        var ratings = BradleyTerry.Fit(Simulate(500, seed: 7), "baseline", new BradleyTerryOptions { BootstrapRounds = 300, Confidence = 0.99 });

        Assert.Equal(10, ratings.Count);
        Assert.Equal((1000.0, 50.0), (ratings.Single(r => r.Model == "baseline").Rating, ratings.Single(r => r.Model == "baseline").Score));
        for (int model = 1; model < TrueRatings.Length; model++)
        {
            var rating = ratings.Single(r => r.Model == $"m{model}");
            Assert.InRange(TrueRatings[model], rating.RatingInterval.Lower, rating.RatingInterval.Upper);
            Assert.InRange(Math.Abs(rating.Rating - TrueRatings[model]), 0, 60);
            double trueScore = 100 / (1 + Math.Pow(10, (1000 - TrueRatings[model]) / 400));
            Assert.InRange(trueScore, rating.ScoreInterval.Lower, rating.ScoreInterval.Upper);
        }

        Assert.Equal(["m9", "m8", "m7"], ratings.Take(3).Select(r => r.Model));
    }

    [Fact]
    public void Fit_SameSeedSameIntervals_OtherSeedOtherIntervals()
    {
        var judgments = Simulate(100, seed: 3);
        var a = BradleyTerry.Fit(judgments, "baseline", new BradleyTerryOptions { Seed = 11 });
        var b = BradleyTerry.Fit(judgments, "baseline", new BradleyTerryOptions { Seed = 11 });
        var c = BradleyTerry.Fit(judgments, "baseline", new BradleyTerryOptions { Seed = 12 });
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(r => r.RatingInterval), c.Select(r => r.RatingInterval));
    }

    [Fact]
    public void PositionBias_CancelsOutWhenBothOrdersArePlayed()
    {
        // The judge always prefers whatever is shown first: with positions swapped, the model ties the baseline.
        var judgments = Enumerable.Range(0, 50).SelectMany(q => new[]
        {
            new PairwiseJudgment($"q{q}", "baseline", "model", PairwiseVerdict.ABetter),
            new PairwiseJudgment($"q{q}", "model", "baseline", PairwiseVerdict.ABetter),
        }).ToList();
        var model = BradleyTerry.Fit(judgments, "baseline").Single(r => r.Model == "model");
        Assert.Equal(1000, model.Rating, 6);
        Assert.Equal(50, model.Score, 6);
    }

    [Fact]
    public void StrongVerdicts_CountThreeTimes()
    {
        // 1 strong win vs 1 weak loss: wins 3 of 4 games → strength 3 → score 75.
        var judgments = new List<PairwiseJudgment>
        {
            new("q1", "baseline", "model", PairwiseVerdict.BMuchBetter),
            new("q2", "model", "baseline", PairwiseVerdict.BBetter),
        };
        var model = BradleyTerry.Fit(judgments, "baseline", new BradleyTerryOptions { BootstrapRounds = 0 }).Single(r => r.Model == "model");
        Assert.Equal(75, model.Score, 6);
    }

    [Fact]
    public void Fit_UnboundedStrength_IsAClearError()
    {
        var judgments = new List<PairwiseJudgment> { new("q1", "baseline", "model", PairwiseVerdict.BBetter) };
        Assert.Throws<DataValidationException>(() => BradleyTerry.Fit(judgments, "baseline"));
        Assert.Throws<DataValidationException>(() => BradleyTerry.Fit(judgments, "missing-baseline"));
    }
}
