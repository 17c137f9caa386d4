using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// The paper's full §5 analysis (54 observations × 9 features: two regressions, PCA, PC regression, cost) and the
/// report files it renders, on the embedded published results.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmark
{
    private readonly AnalysisInput _input = PublishedResults.CreateAnalysisInput();
    private AgoraBenchAnalysis? _analysis;

    [GlobalSetup]
    public void Setup() => _analysis = AgoraBenchAnalyzer.Analyze(_input);

    [Benchmark]
    public AgoraBenchAnalysis Analyze() => AgoraBenchAnalyzer.Analyze(_input);

    [Benchmark]
    public int RenderJsonMarkdownHtml() =>
        AnalysisReportWriter.Json(_analysis!).Length + AnalysisReportWriter.Markdown(_analysis!).Length + AnalysisReportWriter.Html(_analysis!).Length;
}
