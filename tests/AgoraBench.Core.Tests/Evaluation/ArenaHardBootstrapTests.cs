using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

public class ArenaHardBootstrapTests
{
    /// <summary>Judgments with strong verdicts and ties, each model against the baseline on every question in both orders.</summary>
    internal static List<PairwiseJudgment> Judgments(int questions, int seed)
    {
        var random = new Random(seed);
        var judgments = new List<PairwiseJudgment>();
        double[] skill = [-0.8, -0.2, 0.4, 1.0];
        for (int m = 0; m < skill.Length; m++)
        {
            for (int q = 0; q < questions; q++)
            {
                foreach (bool modelFirst in new[] { false, true })
                {
                    double u = random.NextDouble();
                    double p = 1 / (1 + Math.Exp(-skill[m]));
                    // The model's outcome: strong win, win, tie, loss, strong loss.
                    int outcome = u < p * 0.35 ? 0 : u < p * 0.9 ? 1 : u < p * 0.9 + 0.1 ? 2 : u < 0.75 + (p * 0.1) ? 3 : 4;
                    var forModelFirst = new[] { PairwiseVerdict.AMuchBetter, PairwiseVerdict.ABetter, PairwiseVerdict.Tie, PairwiseVerdict.BBetter, PairwiseVerdict.BMuchBetter }[outcome];
                    var verdict = modelFirst ? forModelFirst : (PairwiseVerdict)(4 - (int)forModelFirst);
                    judgments.Add(modelFirst
                        ? new PairwiseJudgment($"q{q}", $"m{m}", "baseline", verdict)
                        : new PairwiseJudgment($"q{q}", "baseline", $"m{m}", verdict));
                }
            }
        }

        return judgments;
    }

    [Fact]
    public void ExpandedRows_ScoresLikeWeightedGames_ButNarrowerIntervals()
    {
        var judgments = Judgments(300, seed: 3);
        var expanded = BradleyTerry.Fit(judgments, "baseline", new BradleyTerryOptions { BootstrapRounds = 400 });
        var weighted = BradleyTerry.Fit(judgments, "baseline", new BradleyTerryOptions { BootstrapRounds = 400, Bootstrap = ArenaHardBootstrap.WeightedGames });
        foreach (var rating in expanded.Where(r => r.Model != "baseline"))
        {
            var other = weighted.Single(r => r.Model == rating.Model);
            Assert.Equal(other.Score, rating.Score, 9);
            double ratio = Width(other.ScoreInterval) / Width(rating.ScoreInterval);
            Assert.InRange(ratio, 1.1, 1.7);
        }
    }

    [PythonFact]
    public async Task ExpandedRows_IntervalWidths_MatchAnIndependentReference()
    {
        var judgments = Judgments(250, seed: 11);
        const int Rounds = 4000;
        var ours = BradleyTerry.Fit(judgments, "baseline", new BradleyTerryOptions { BootstrapRounds = Rounds, Seed = 5 });
        var reference = await RunReferenceAsync(judgments, Rounds);

        foreach (var (model, score, lower, upper) in reference.Where(r => r.Model != "baseline"))
        {
            var rating = ours.Single(r => r.Model == model);
            Assert.Equal(score, rating.Score, 6);
            double ratio = Width(rating.ScoreInterval) / (upper - lower);
            Assert.True(Math.Abs(ratio - 1) <= 0.05, $"{model}: width {Width(rating.ScoreInterval):F3} here, {upper - lower:F3} in the reference (ratio {ratio:F3})");
        }
    }

    private static double Width((double Lower, double Upper) interval) => interval.Upper - interval.Lower;

    private static async Task<List<(string Model, double Score, double Lower, double Upper)>> RunReferenceAsync(List<PairwiseJudgment> judgments, int rounds)
    {
        string script = RepositoryRoot.Combine("tests", "AgoraBench.Core.Tests", "Evaluation", "Reference", "arena_hard_bootstrap.py");
        var start = new ProcessStartInfo(PythonFactAttribute.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { script, "baseline", rounds.ToString(CultureInfo.InvariantCulture), "17" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var input = new StringBuilder();
        foreach (var j in judgments)
        {
            string label = j.Verdict switch
            {
                PairwiseVerdict.AMuchBetter => "A>>B",
                PairwiseVerdict.ABetter => "A>B",
                PairwiseVerdict.Tie => "A=B",
                PairwiseVerdict.BBetter => "B>A",
                _ => "B>>A",
            };
            input.Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["question"] = j.Question, ["model_a"] = j.ModelA, ["model_b"] = j.ModelB, ["verdict"] = label })).Append('\n');
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input.ToString());
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return (r.GetProperty("model").GetString()!, r.GetProperty("score").GetDouble(), r.GetProperty("lower").GetDouble(), r.GetProperty("upper").GetDouble());
        })];
    }
}
