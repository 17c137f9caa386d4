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

// dotnet run -c Release --project benchmarks/AgoraBench.Benchmarks -- batch-scale [N]   (N generation requests through the batch back end; default 50,000)
if (args is [BatchScaleRun.ServerMode])
{
    await BatchScaleRun.ServeAsync();
    return;
}

if (args is ["batch-scale", ..])
{
    Environment.ExitCode = await BatchScaleRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
