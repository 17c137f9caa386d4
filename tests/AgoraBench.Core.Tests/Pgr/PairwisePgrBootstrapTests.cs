using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Pgr;

/// <summary>
/// Pairwise benchmarks in the PGR bootstrap: the per-question outcomes a pairwise result persists give its score back,
/// and a PGR computed from them has an interval that contains the estimate and agrees (width within 15%) with a paired
/// bootstrap over questions that this test computes with its own code, recomputing each model's score every round.
/// </summary>
public sealed class PairwisePgrBootstrapTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Questions = 100;
    private const int StrongWeight = 3;
    private const string Baseline = "baseline";

    private static readonly (string Model, double Strength, int Seed)[] Models = [("student", 0.55, 1), ("base", 0.3, 2), ("reference", 0.8, 3)];

    /// <summary>Two games per question (the model first, then second), the model's result drawn from its strength with a seeded generator.</summary>
    private static List<PairwiseJudgment> Games(string model, double strength, int seed)
    {
        var random = new Random(seed);
        var games = new List<PairwiseJudgment>();
        for (int q = 0; q < Questions; q++)
        {
            foreach (bool modelFirst in new[] { true, false })
            {
                // The model's result: much better, better, tie, worse, much worse.
                double u = random.NextDouble();
                int result = u < 0.25 * strength ? 0 : u < 0.9 * strength ? 1 : u < (0.9 * strength) + 0.1 ? 2 : u < (0.9 * strength) + 0.1 + (0.65 * (1 - strength)) ? 3 : 4;
                var verdict = (PairwiseVerdict)(modelFirst ? result : 4 - result);
                games.Add(modelFirst ? new PairwiseJudgment($"q{q:000}", model, Baseline, verdict) : new PairwiseJudgment($"q{q:000}", Baseline, model, verdict));
            }
        }

        return games;
    }

    /// <summary>The test's own Arena-Hard score over some questions: weighted wins over weighted games (a strong verdict counts 3, a tie half).</summary>
    private static double OwnArenaScore(Dictionary<string, (double Won, double Total)> byQuestion, IEnumerable<string> questions)
    {
        double won = 0, total = 0;
        foreach (string q in questions)
        {
            won += byQuestion[q].Won;
            total += byQuestion[q].Total;
        }

        return 100 * won / total;
    }

    private static Dictionary<string, (double Won, double Total)> OwnTally(IEnumerable<PairwiseJudgment> games, string model) =>
        games.GroupBy(g => g.Question).ToDictionary(g => g.Key, g =>
        {
            double won = 0, total = 0;
            foreach (var game in g)
            {
                bool modelIsA = game.ModelA == model;
                double weight = game.Verdict is PairwiseVerdict.AMuchBetter or PairwiseVerdict.BMuchBetter ? StrongWeight : 1;
                double share = game.Verdict switch
                {
                    PairwiseVerdict.Tie => 0.5,
                    PairwiseVerdict.AMuchBetter or PairwiseVerdict.ABetter => modelIsA ? 1 : 0,
                    _ => modelIsA ? 0 : 1,
                };
                won += share * (game.Verdict == PairwiseVerdict.Tie ? 1 : weight);
                total += game.Verdict == PairwiseVerdict.Tie ? 1 : weight;
            }

            return (won, total);
        });

    [Fact]
    public void ArenaHard_QuestionOutcomes_GiveTheBradleyTerryScoreBack_AndArePersisted()
    {
        var games = Games("student", 0.55, 1);
        var result = PairwiseBenchmark.Score("arena-hard", "student", Baseline, games, 0, new Dictionary<string, string>(), new Dictionary<string, string>());

        Assert.Equal(Questions, result.Outcomes.Count);
        double fromOutcomes = result.Outcomes.Sum(o => o.Value * o.Weight) / result.Outcomes.Sum(o => o.Weight);
        Assert.Equal(result.Score, fromOutcomes, 6);
        Assert.Equal(result.Score, OwnArenaScore(OwnTally(games, "student"), result.Outcomes.Select(o => o.Question)), 6);

        string path = Path.Combine(Path.GetTempPath(), $"arena-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, result.ToJson());
            var read = EvaluateStep.ReadOutcomes(path);
            Assert.Equal(Questions, read.Count);
            Assert.All(result.Outcomes, o => Assert.Equal((o.Value, o.Weight), (read[o.Question].Value, read[o.Question].Weight)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ArenaHard_PgrInterval_ContainsTheEstimate_AndMatchesAnIndependentPairedBootstrap()
    {
        const int Rounds = 4000;
        var games = Models.ToDictionary(m => m.Model, m => Games(m.Model, m.Strength, m.Seed));
        var results = Models.ToDictionary(m => m.Model, m => PairwiseBenchmark.Score("arena-hard", m.Model, Baseline, games[m.Model], 0, new Dictionary<string, string>(), new Dictionary<string, string>()));
        var score = Score("arena-hard", BenchmarkDomain.InstructionFollowing, results);

        var report = new PgrCalculator().Calculate([score], new PgrCalculationOptions { BootstrapRounds = Rounds });
        var interval = report["g"].Cells[0].Benchmarks[0].Interval!;

        Assert.True(interval.IsDefined, interval.Problem);
        Assert.InRange(report["g"].Cells[0].Benchmarks[0].Value, interval.Lower, interval.Upper);

        // The reference: the same questions drawn for all three models, each score recomputed from the drawn questions' games.
        var tallies = Models.ToDictionary(m => m.Model, m => OwnTally(games[m.Model], m.Model));
        string[] ids = [.. tallies["base"].Keys.Order(StringComparer.Ordinal)];
        foreach (var (model, _, _) in Models)
        {
            Assert.Equal(results[model].Score, OwnArenaScore(tallies[model], ids), 6);
        }

        double width = ReferenceWidth(ids.Length, Rounds, draw =>
        {
            var drawn = draw.Select(i => ids[i]).ToArray();
            return (OwnArenaScore(tallies["student"], drawn), OwnArenaScore(tallies["base"], drawn), OwnArenaScore(tallies["reference"], drawn));
        });
        output.WriteLine($"arena-hard: PGR {report["g"].Overall:0.###}, interval width {interval.Width:0.###}, independent {width:0.###}");
        Assert.True(Math.Abs(interval.Width - width) <= 0.15 * width, $"arena-hard PGR width {interval.Width:0.###} vs independent {width:0.###}");
    }

    [Fact]
    public void AlpacaEval_PgrInterval_ContainsTheEstimate_AndMatchesABootstrapThatRefitsTheLengthControlEveryRound()
    {
        const int Rounds = 400;
        var answers = new Dictionary<string, Dictionary<string, string>>();
        var baseline = Enumerable.Range(0, Questions).ToDictionary(q => $"q{q:000}", q => new string('b', 200 + (q * 37 % 300)));
        var results = new Dictionary<string, PairwiseBenchmarkResult>();
        var played = new Dictionary<string, Dictionary<string, AlpacaEvalGame>>();
        foreach (var (model, strength, seed) in Models)
        {
            var random = new Random(seed + 10);
            answers[model] = Enumerable.Range(0, Questions).ToDictionary(q => $"q{q:000}", _ => new string('m', 100 + random.Next(500)));
            var games = Games(model, strength, seed);
            results[model] = PairwiseBenchmark.Score("alpacaeval-2.0", model, Baseline, games, 0, answers[model], baseline);
            played[model] = games.GroupBy(g => g.Question).ToDictionary(
                g => g.Key,
                g => new AlpacaEvalGame(1 + g.Average(j => WinRate.Preference(j.Verdict, j.ModelA == model)), baseline[g.Key], answers[model][g.Key]));
        }

        var score = Score("alpacaeval-2.0", BenchmarkDomain.InstructionFollowing, results);
        var report = new PgrCalculator().Calculate([score], new PgrCalculationOptions { BootstrapRounds = 4000 });
        var benchmark = report["g"].Cells[0].Benchmarks[0];

        Assert.True(benchmark.Interval!.IsDefined, benchmark.Interval.Problem);
        Assert.InRange(benchmark.Value, benchmark.Interval.Lower, benchmark.Interval.Upper);

        // The reference refits the length-controlled win rate on the drawn games of every model, every round.
        string[] ids = [.. played["base"].Keys.Order(StringComparer.Ordinal)];
        double Lc(string model, int[] draw) => WinRate.Compute([.. draw.Select(i => played[model][ids[i]])], WinRateMethod.Minimal).LengthControlledWinRate;
        foreach (var (model, _, _) in Models)
        {
            Assert.Equal(results[model].Score, Lc(model, [.. Enumerable.Range(0, ids.Length)]), 9);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        double width = ReferenceWidth(ids.Length, Rounds, draw => (Lc("student", draw), Lc("base", draw), Lc("reference", draw)));
        output.WriteLine($"alpacaeval: PGR {benchmark.Value:0.###}, interval width {benchmark.Interval.Width:0.###} (adjusted preferences, 4000 rounds), refit every round {width:0.###} ({Rounds} rounds, {clock.Elapsed.TotalMilliseconds / (3 * Rounds):0.##} ms per fit)");
        Assert.True(Math.Abs(benchmark.Interval.Width - width) <= 0.15 * width, $"alpacaeval PGR width {benchmark.Interval.Width:0.###} vs refit {width:0.###}");
    }

    /// <summary>The benchmark score the PGR step builds: the three results paired by question id, through their persisted JSON.</summary>
    private static BenchmarkScore Score(string benchmark, BenchmarkDomain domain, Dictionary<string, PairwiseBenchmarkResult> results)
    {
        var read = new Dictionary<string, IReadOnlyDictionary<string, (double Value, double Weight)>>();
        foreach (var (model, result) in results)
        {
            string path = Path.Combine(Path.GetTempPath(), $"pairwise-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, result.ToJson());
            read[model] = EvaluateStep.ReadOutcomes(path);
            File.Delete(path);
        }

        var items = read["student"].Keys.Order(StringComparer.Ordinal).Select(q => new PgrItemOutcome(q, read["student"][q].Value, read["base"][q].Value, read["reference"][q].Value)
        {
            StudentWeight = read["student"][q].Weight,
            BaseWeight = read["base"][q].Weight,
            ReferenceWeight = read["reference"][q].Weight,
        }).ToArray();
        return new BenchmarkScore("g", GenerationMethod.InstanceGeneration, domain, benchmark, results["student"].Score, results["base"].Score, results["reference"].Score) { Items = items };
    }

    /// <summary>A paired bootstrap with its own generator (SplitMix64) and nearest-rank percentiles: the 95% width of the PGR.</summary>
    private static double ReferenceWidth(int n, int rounds, Func<int[], (double Student, double Base, double Reference)> scores)
    {
        var random = new SplitMix64(0x2545F4914F6CDD1DUL);
        int Next() => random.Next(n);

        var pgr = new List<double>();
        var draw = new int[n];
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < n; i++)
            {
                draw[i] = Next();
            }

            var (s, b, f) = scores(draw);
            if (f != b)
            {
                pgr.Add(100 * (s - b) / (f - b));
            }
        }

        pgr.Sort();
        double Rank(double q) => pgr[Math.Clamp((int)Math.Ceiling(q * pgr.Count) - 1, 0, pgr.Count - 1)];
        return Rank(0.975) - Rank(0.025);
    }
}
