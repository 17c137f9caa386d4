using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// Arena-Hard-style ratings: 10 models against a baseline, 500 questions × 2 games (positions swapped) each, fitted by
/// Bradley–Terry with 1,000 bootstrap rounds.
/// </summary>
[MemoryDiagnoser]
public class BradleyTerryBenchmark
{
    private readonly List<PairwiseJudgment> _judgments = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        PairwiseVerdict[] verdicts = [PairwiseVerdict.AMuchBetter, PairwiseVerdict.ABetter, PairwiseVerdict.Tie, PairwiseVerdict.BBetter, PairwiseVerdict.BMuchBetter];
        for (int model = 0; model < 10; model++)
        {
            for (int q = 0; q < 500; q++)
            {
                _judgments.Add(new PairwiseJudgment($"q{q}", "baseline", $"model-{model}", verdicts[random.Next(verdicts.Length)]));
                _judgments.Add(new PairwiseJudgment($"q{q}", $"model-{model}", "baseline", verdicts[random.Next(verdicts.Length)]));
            }
        }
    }

    [Benchmark]
    public int Fit1000BootstrapRounds() => BradleyTerry.Fit(_judgments, "baseline", new BradleyTerryOptions { BootstrapRounds = 1000 }).Count;
}
