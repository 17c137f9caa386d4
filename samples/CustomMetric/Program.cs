using AgoraBench;
using CustomMetric;

// A metric of your own, computed like the built-in ones. In a run, add it to every dataset with
//   new AgoraBenchRunnerOptions().AdditionalMetrics.Add(new DistinctNgramMetric(2))     or
//   services.AddAgoraBench().AddIntrinsicMetric(new DistinctNgramMetric(2))
// and it appears in metrics.json, the analysis tables and the PCA.
//
//   dotnet run --project samples/CustomMetric [DATASET.json|jsonl ...]
string here = AppContext.BaseDirectory.Split("/bin/")[0];
var files = args.Length > 0 ? args : Directory.GetFiles(Path.Combine(here, "..", "plans", "seeds"), "*.json").Order().ToArray();
IIntrinsicMetric[] metrics = [new DistinctNgramMetric(1), new DistinctNgramMetric(2)];
foreach (string file in files)
{
    var instances = await SyntheticDataset.ReadSeedsAsync(file);
    var report = await IntrinsicMetricsRunner.RunAsync(instances, metrics);
    string values = string.Join("  ", report.Results.Select(r => $"{r.Name} {r.Value:F3} ({r.Count} scored, {r.Failed} not)"));
    Console.WriteLine($"{Path.GetFileName(file),-18} {instances.Count,4} instances  {values}");
}
