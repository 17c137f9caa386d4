using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// PGR over a full grid: <see cref="Generators"/> generators × 9 settings × 2 benchmarks. The paper's study is 6
/// generators (108 scores); 1,000 generators stands for a large sweep of checkpoints or prompts.
/// </summary>
[MemoryDiagnoser]
public class PgrCalculatorBenchmark
{
    private BenchmarkScore[] _scores = [];
    private readonly PgrCalculator _calculator = new();

    [Params(6, 1_000)]
    public int Generators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _scores =
        [
            .. from g in Enumerable.Range(0, Generators)
               from setting in AgoraBenchSettings.All
               from benchmark in setting.Benchmarks
               select new BenchmarkScore($"generator-{g}", setting.Method, setting.Domain, benchmark.Id, 100 * random.NextDouble(), 20, 60),
        ];
    }

    [Benchmark]
    public PgrReport Calculate() => _calculator.Calculate(_scores);

    [Benchmark]
    public string CalculateAndWriteJson() => PgrReportWriter.ToString(_calculator.Calculate(_scores), PgrReportFormat.Json);
}
