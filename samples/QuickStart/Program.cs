using AgoraBench;
using Microsoft.Extensions.DependencyInjection;

// 1. Register AgoraBench. Options are validated on first use; every problem is reported at once.
var services = new ServiceCollection();
services.AddAgoraBench(options => options.Pgr.Aggregation = PgrAggregation.MeanOfPgr);
using var provider = services.BuildServiceProvider();
var calculator = provider.GetRequiredService<IPgrCalculator>();

// 2. Scores of students trained on each generator's data, next to the base and reference models' scores.
//    (Base MATH 19.84 and reference 34.60 are the paper's Fig. 3 values; the rest are illustrative.)
BenchmarkScore[] scores =
[
    new("my-generator-a", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", 64.2, 56.1, 78.9),
    new("my-generator-a", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "math", 28.08, 19.84, 34.60),
    new("my-generator-b", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", 61.0, 56.1, 78.9),
    new("my-generator-b", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "math", 22.5, 19.84, 34.60),
];

// 3. PGR per benchmark, per setting, per method and overall, ranked.
var report = calculator.Calculate(scores);
Console.WriteLine(PgrReportWriter.ToString(report, PgrReportFormat.Markdown));

// 4. How do they compare with the paper's generators on the same setting?
var paper = PublishedResults.CreateLeaderboard();
foreach (var generator in paper.Generators)
{
    double cell = generator.GetCell(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math)!.Value;
    Console.WriteLine($"paper: {generator.Generator,-24} instance-generation/math PGR {cell,6:F1}");
}
