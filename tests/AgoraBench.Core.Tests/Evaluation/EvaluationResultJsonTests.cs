using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

/// <summary>
/// An evaluation's <c>result.json</c>, graded or pairwise: the bytes match the samples the previous, hand-written
/// writers produced (checked in under Golden/), and the run reads each back as <see cref="EvaluationResultDocument"/>.
/// </summary>
public sealed class EvaluationResultJsonTests
{
    private static BenchmarkGradeResult Graded() => new(
        62.5,
        4,
        [
            new BenchmarkItemGrade("gsm8k-0", true, "42", "result-tag", 1, 1),
            new BenchmarkItemGrade("gsm8k-1", false, null, "missing", 0, 1) { Unscored = 1 },
            new BenchmarkItemGrade("gsm8k-2", true, "“x² + ü”", "boxed", 2, 4),
            new BenchmarkItemGrade("gsm8k-3", false, "7", "last-number", 0, 3) { Points = 1.5 },
        ]);

    private static PairwiseBenchmarkResult ArenaHard() => new("arena-hard", "student <a>", 41.25, 10, 2)
    {
        Interval = new ScoreInterval(35.1234567, 47.0000001),
        Rating = 937.5,
        Note = "the model lost every game: “no fit”",
        Outcomes = [new PairwiseOutcome("q1", 0.75, 2), new PairwiseOutcome("q2", double.NaN, 1)],
    };

    private static PairwiseBenchmarkResult AlpacaEval() => new("alpacaeval-2.0", "student", 30.5, 3, 0)
    {
        WinRate = 28.125,
        Outcomes = [new PairwiseOutcome("0", 1, 1) { RawPreference = 1.875 }, new PairwiseOutcome("1", 0, 1)],
    };

    [Fact]
    public void GradedResult_IsTheFormatThePreviousVersionWrote()
    {
        GoldenFile.Verify(Graded().ToJson("gsm8k"), "Evaluation/Golden/result-graded.json");
        GoldenFile.Verify(new BenchmarkGradeResult(double.NaN, 0, []).ToJson("math"), "Evaluation/Golden/result-graded-empty.json");
    }

    [Fact]
    public void GradedResult_AsARunWritesIt_IsTheFormatThePreviousVersionWrote() =>
        GoldenFile.Verify(EvaluateStep.GradedResultJson(Graded(), "gsm8k", "student-model"), "Evaluation/Golden/result-graded-run.json");

    [Fact]
    public void PredictionLines_AreTheFormatThePreviousVersionWrote()
    {
        string lines = StudentEvaluator.PredictionLine("0", "plain") + StudentEvaluator.PredictionLine("gsm8k-1", "two\nlines, \"quotes\", ünï ✓ <tag> & \\ \t\u0001")
            + StudentEvaluator.PredictionLine("", string.Empty);

        GoldenFile.Verify(lines, "Evaluation/Golden/predictions.jsonl");
    }

    [Fact]
    public void PairwiseResult_IsTheFormatThePreviousVersionWrote()
    {
        GoldenFile.Verify(ArenaHard().ToJson(), "Evaluation/Golden/result-arena-hard.json");
        GoldenFile.Verify(AlpacaEval().ToJson(), "Evaluation/Golden/result-alpacaeval.json");
        GoldenFile.Verify(new PairwiseBenchmarkResult("arena-hard", "m", double.NaN, 0, 5) { Rating = double.PositiveInfinity }.ToJson(), "Evaluation/Golden/result-pairwise-empty.json");
    }

    [Fact]
    public void Results_ReadBack_AsTheRunReadsThem()
    {
        var graded = EvaluationResultDocument.Read(Path.Combine(AppContext.BaseDirectory, "Evaluation", "Golden", "result-graded.json"));
        var pairwise = EvaluationResultDocument.Read(Path.Combine(AppContext.BaseDirectory, "Evaluation", "Golden", "result-alpacaeval.json"));

        Assert.Equal(62.5, graded.Score);
        Assert.Equal(["gsm8k-0", "gsm8k-1", "gsm8k-2", "gsm8k-3"], graded.Items!.Select(i => i.Id));
        Assert.Equal((false, 3, 0, 1.5), (graded.Items![3].Correct!.Value, graded.Items[3].Samples!.Value, graded.Items[3].SamplesCorrect!.Value, graded.Items[3].Points!.Value));
        Assert.Equal(1, graded.Items[1].Unscored);
        Assert.Equal(30.5, pairwise.Score);
        Assert.Equal([1.0, 0.0], pairwise.Items!.Select(i => i.Preference!.Value));
    }
}
