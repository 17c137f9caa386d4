using AgoraBench;
using AgoraBench.OpenAI;
using Microsoft.Extensions.DependencyInjection;

// AgoraBench quick start: one generator, one setting, PGR.
//
//   dotnet run --project samples/QuickStart            offline: validate the study, show its steps and what it would cost,
//                                                      then compute PGR from example scores
//   dotnet run --project samples/QuickStart -- --run   for real, with OPENAI_API_KEY: GPT-4o-mini writes responses for 30
//                                                      math seeds, a fine-tuned gpt-4o-mini student is scored on GSM8K
//                                                      against the base model (few-shot) and GPT-4o (the reference)
string here = AppContext.BaseDirectory.Split("/bin/")[0];

// 1. Register AgoraBench with the runner and OpenAI-compatible clients (keys come only from environment variables).
var services = new ServiceCollection();
services.AddAgoraBench(options => options.Pgr.Aggregation = PgrAggregation.MeanOfPgr)
    .AddRunner()
    .UseOpenAIClients();
using var provider = services.BuildServiceProvider();

// 2. The study: one generator, one setting, the paper's recipe scaled down (plan.json beside this file). Reading it
//    checks every key, path and model at once and reports each problem with its line.
AgoraBenchPlan plan;
try
{
    plan = await AgoraBenchPlanFile.ReadAsync(Path.Combine(here, "plan.json"));
}
catch (DataValidationException ex)
{
    foreach (var problem in ex.Errors)
    {
        Console.WriteLine("plan problem: " + problem);
    }

    return;
}

var runner = provider.GetRequiredService<AgoraBenchRunnerFactory>().Create(plan, Path.Combine(Path.GetTempPath(), "agorabench-quickstart"));

// 3. Before spending anything: the steps, and what they cost.
var estimate = await PlanEstimator.EstimateAsync(plan);
Console.WriteLine($"{runner.Steps.Count} steps; estimated cost ${estimate.TotalUsd:F4}{(estimate.HasUnpricedLines ? " plus unpriced models" : string.Empty)}");
Console.Write(estimate.ToText());

if (args.Contains("--run"))
{
    // 4. For real: every step is recorded in the run folder; rerunning resumes where it stopped.
    var result = await runner.RunAsync(progress: new Progress<RunProgress>(p => Console.WriteLine($"{p.Step.Status,-8} {p.Step.Id} {p.Message}")));
    Console.WriteLine(result.Leaderboard is { } leaderboard
        ? AgoraBenchReports.Format(leaderboard, PgrReportFormat.Markdown)
        : "Not finished yet: " + string.Join("; ", result.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Message}")));
    return;
}

// 5. Offline: PGR from scores you already have (base MATH 19.84 and reference 34.60 are the paper's Fig. 3 values).
var calculator = provider.GetRequiredService<IPgrCalculator>();
BenchmarkScore[] scores =
[
    new("my-generator-a", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", 64.2, 56.1, 78.9),
    new("my-generator-a", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "math", 28.08, 19.84, 34.60),
    new("my-generator-b", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", 61.0, 56.1, 78.9),
    new("my-generator-b", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "math", 22.5, 19.84, 34.60),
];
Console.WriteLine(AgoraBenchReports.Format(calculator.Calculate(scores), PgrReportFormat.Markdown));

// 6. How do they compare with the paper's generators on the same setting?
foreach (var generator in PublishedResults.CreateLeaderboard().Generators)
{
    double cell = generator.Cells.Single(c => c.Setting.Key == "instance-generation/math").Value;
    Console.WriteLine($"paper: {generator.Generator,-24} instance-generation/math PGR {cell,6:F1}");
}
