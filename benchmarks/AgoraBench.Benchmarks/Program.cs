using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/AgoraBench.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
