namespace AgoraBench.Tests.Evaluation;

public class WinRateTests
{
    [Fact]
    public void EqualLengths_LengthControlledEqualsRaw()
    {
        var games = new[] { (1.0, 100, 100), (0.0, 50, 50), (0.5, 80, 80), (1.0, 10, 10) };
        var (raw, lc) = WinRate.Compute(games);
        Assert.Equal(62.5, raw, 9);
        Assert.Equal(62.5, lc, 3);
    }

    [Fact]
    public void WinningOnlyByLength_IsDiscounted()
    {
        // The model wins exactly when its answer is much longer; otherwise it loses.
        var games = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? (1.0, 900, 300) : (i % 4 == 1 ? 1.0 : 0.0, 300, 300)).ToArray();
        var (raw, lc) = WinRate.Compute(games);
        Assert.Equal(75, raw, 9);
        Assert.True(lc < raw - 10, $"length-controlled {lc} vs raw {raw}");
    }

    [Theory]
    [InlineData(PairwiseVerdict.AMuchBetter, true, 1.0)]
    [InlineData(PairwiseVerdict.AMuchBetter, false, 0.0)]
    [InlineData(PairwiseVerdict.Tie, true, 0.5)]
    [InlineData(PairwiseVerdict.BBetter, false, 1.0)]
    public void Preference_FollowsThePosition(PairwiseVerdict verdict, bool modelIsA, double expected) =>
        Assert.Equal(expected, WinRate.Preference(verdict, modelIsA));
}
