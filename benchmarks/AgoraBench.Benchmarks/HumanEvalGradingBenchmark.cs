using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// Grading all 164 HumanEval canonical solutions: the warm fork-server sandbox against starting one fresh Python
/// interpreter per solution, one after another. Needs ../shared/datasets/humaneval/HumanEval.jsonl beside the checkout.
/// </summary>
[MemoryDiagnoser]
public class HumanEvalGradingBenchmark : IDisposable
{
    private IReadOnlyList<BenchmarkProblem> _problems = [];
    private Prediction[] _predictions = [];
    private string[] _programs = [];
    private PythonSandbox? _sandbox;

    [GlobalSetup]
    public async Task Setup()
    {
        string path = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "datasets", "humaneval", "HumanEval.jsonl"));
        _problems = await BenchmarkProblems.ReadAsync("humaneval", path);
        _predictions = [.. _problems.Select(p => new Prediction(p.Id, [p.Answer!], 0))];
        _programs = [.. _problems.Select(p => CodePrograms.HumanEval(p, p.Answer!))];
        _sandbox = new PythonSandbox();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _sandbox?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int FreshInterpreterPerSolution()
    {
        int passed = 0;
        foreach (string program in _programs)
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            process.StandardInput.Write(program);
            process.StandardInput.Close();
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            passed += process.ExitCode == 0 ? 1 : 0;
        }

        return passed;
    }

    [Benchmark]
    public async Task<double> SandboxedForkServer() => (await CodeBenchmarkGrader.GradeAsync("humaneval", _problems, _predictions, _sandbox!)).Grade.Score;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgoraBench.Core.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
