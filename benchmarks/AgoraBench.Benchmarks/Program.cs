using AgoraBench.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/AgoraBench.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/AgoraBench.Benchmarks -- paper-data DIR   (seed and benchmark files for samples/plans/paper.json)
if (args is ["paper-data", string folder])
{
    string source = PaperPlanData.Write(Path.GetFullPath(folder));
    Console.WriteLine($"Wrote {PaperPlanData.Bytes(folder) / 1e6:F1} MB of {source} to {Path.GetFullPath(folder)}.");
    Console.WriteLine($"Estimate the paper's plan with: AGORABENCH_DATA={Path.GetFullPath(folder)} agorabench estimate --plan {PaperPlanData.PaperPlan}");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
