using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// <c>agorabench estimate</c> on the paper's full plan (6 generators × 9 settings × 10,000 instances; every stage),
/// against the floor any estimate pays: reading and validating the plan's nine seed files and six benchmark files.
/// </summary>
[MemoryDiagnoser]
public class EstimateBenchmark
{
    private string _folder = string.Empty;
    private AgoraBenchPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "agorabench-paper-data");
        if (!File.Exists(Path.Combine(_folder, "seeds", "qe-general.json")))
        {
            PaperPlanData.Write(_folder);
        }

        _plan = PaperPlanData.Read(_folder);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ReadInputs()
    {
        int rows = 0;
        foreach (string seed in _plan.Seeds.Values)
        {
            rows += (await SyntheticDataset.ReadSeedsAsync(seed)).Count;
        }

        foreach (var benchmark in _plan.Evaluation.Benchmarks.Values)
        {
            rows += (await BenchmarkProblems.ReadAsync(benchmark.Benchmark.Id, benchmark.Problems)).Count;
        }

        return rows;
    }

    [Benchmark]
    public async Task<decimal> Estimate() => (await PlanEstimator.EstimateAsync(_plan)).TotalUsd;
}
