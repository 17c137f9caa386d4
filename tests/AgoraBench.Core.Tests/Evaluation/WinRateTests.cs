using System.Text;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

public class WinRateTests
{
    [Fact]
    public void RawWinRate_CountsContinuousPreferences_TiesAsHalf_AndDropsInvalidGames()
    {
        var games = new[] { Game(2), Game(1), Game(1.5), Game(0), Game(1.8), Game(null), Game(2.5), Game(double.NaN) };

        var result = WinRate.Compute(games, WinRateMethod.Minimal);

        double[] y = [1, 0, 0.5, 0.5, 0.8];
        double mean = y.Average();
        double sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / (y.Length - 1));
        Assert.Equal(5, result.Games);
        Assert.Equal(100 * mean, result.WinRate, 9);
        Assert.Equal(100 * sd / Math.Sqrt(5), result.StandardError, 9);
    }

    [Fact]
    public void Minimal_EqualLengths_LengthControlledIsNearRaw()
    {
        var random = new Random(3);
        var games = Enumerable.Range(0, 400).Select(i => Game(random.NextDouble() < 0.2 ? 1.1 : 1.8, 300, 300)).ToArray();

        var result = WinRate.Compute(games, WinRateMethod.Minimal);

        Assert.InRange(result.LengthControlledWinRate, result.WinRate - 1, result.WinRate + 1);
    }

    [Fact]
    public void Minimal_WinningOnlyByLength_IsDiscounted()
    {
        // The model wins when its answer is much longer; at equal length it wins a quarter of the games.
        var games = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? Game(1.95, 300, 1200) : Game(i % 4 == 1 ? 1.9 : 1.1, 300, 300)).ToArray();

        var result = WinRate.Compute(games, WinRateMethod.Minimal);

        Assert.True(result.LengthControlledWinRate < result.WinRate - 10, $"length-controlled {result.LengthControlledWinRate} vs raw {result.WinRate}");
    }

    [Fact]
    public async Task V1_UsesTheDifficultyOfEachGamesPosition()
    {
        using var dir = new TempDirectory();
        int n = 300;
        var difficulty = Enumerable.Range(0, n).Select(i => (i % 3) - 1.0).ToArray();
        var inputs = await Inputs(dir, difficulty);

        // The model wins the hard-for-the-baseline instructions (γ = 1) and loses the others; lengths are equal.
        var games = Enumerable.Range(0, n).Select(i => Game(difficulty[i] > 0 ? 1.9 : 1.1, 200, 200)).ToArray();
        var result = WinRate.Compute(games, WinRateMethod.LengthControlledV1, inputs);

        Assert.NotNull(result.LengthControlledStandardError);
        Assert.True(result.LengthControlledStandardError > 0.5, "the predictions differ by instruction");
        Assert.InRange(result.LengthControlledWinRate, result.WinRate - 3, result.WinRate + 3);
    }

    [Fact]
    public async Task V1_NeedsItsInputs_AndADifficultyForEveryGame()
    {
        using var dir = new TempDirectory();
        var games = Enumerable.Range(0, 10).Select(i => Game(1.5)).ToArray();

        Assert.Throws<DataValidationException>(() => WinRate.Compute(games));
        var inputs = await Inputs(dir, [.. Enumerable.Repeat(0.0, 5)]);
        var ex = Assert.Throws<DataValidationException>(() => WinRate.Compute(games, WinRateMethod.LengthControlledV1, inputs));
        Assert.Contains("10 games but only 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_BadFiles_ReportEveryProblemWithFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        string difficulty = dir.Write("d.csv", "index,instruction_difficulty\n0,0.5\n0,x\n5,1\n");
        string gamed = dir.Write("g.csv", "model,preference,index,std_delta_len,instruction_difficulty,not_gamed_baseline\nv,1.5,0,0.1,0.2,False\n");

        var ex = await Assert.ThrowsAsync<DataValidationException>(() => LengthControlInputs.LoadAsync(difficulty, gamed));

        Assert.Contains(ex.Errors, e => e.Source == difficulty && e.Line == 3 && e.Field == "instruction_difficulty");
        Assert.Contains(ex.Errors, e => e.Source == difficulty && e.Field == "index");
        Assert.Contains(ex.Errors, e => e.Source == gamed && e.Line == 2 && e.Field == "preference");
    }

    [Fact]
    public void Lengths_AreCodePoints()
    {
        Assert.Equal(3, WinRate.CodePoints("a😀b"));
        Assert.Equal(4, "a😀b".Length);
        Assert.Equal(2, WinRate.CodePoints("\uD800x"));
    }

    [Theory]
    [InlineData("AMuchBetter", true, 1.0)]
    [InlineData("AMuchBetter", false, 0.0)]
    [InlineData("Tie", true, 0.5)]
    [InlineData("BBetter", false, 1.0)]
    public void Preference_FollowsThePosition(string verdict, bool modelIsA, double expected) =>
        Assert.Equal(expected, WinRate.Preference(Enum.Parse<PairwiseVerdict>(verdict), modelIsA));

    private static AlpacaEvalGame Game(double? preference, int baselineLength = 100, int modelLength = 100) =>
        new(preference, new string('a', baselineLength), new string('b', modelLength));

    private static async Task<LengthControlInputs> Inputs(TempDirectory dir, double[] difficulty)
    {
        var d = new StringBuilder("index,instruction_difficulty\n");
        var g = new StringBuilder("model,preference,index,std_delta_len,instruction_difficulty,not_gamed_baseline\n");
        for (int i = 0; i < difficulty.Length; i++)
        {
            d.Append(FormattableString.Invariant($"{i},{difficulty[i]}\n"));
            g.Append(FormattableString.Invariant($"verbose,{(i % 2 == 0 ? 0.7 : 0.4)},{i},{((i % 7) - 3) / 2.0},{difficulty[i]},False\n"));
        }

        return await LengthControlInputs.LoadAsync(dir.Write("d.csv", d.ToString()), dir.Write("g.csv", g.ToString()));
    }
}
