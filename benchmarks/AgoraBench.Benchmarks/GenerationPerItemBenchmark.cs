using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// The engine's per-item CPU work, without the network: build an instance-generation prompt (3 demonstrations drawn
/// from 1,000 seeds and 5,000 generated instances, theme drawn), parse a completion and validate it (math rules).
/// Target: at most 50 µs per item.
/// </summary>
[MemoryDiagnoser]
public class GenerationPerItemBenchmark
{
    private const string Completion = " A farmer has 12 rows of 30 apple trees. How many trees are there in total?\nOUTPUT: Each row has 30 trees and there are 12 rows, so 12 × 30 = 360.\n[RESULT] 360 [/RESULT]";
    private readonly string _template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
    private SyntheticInstance[] _seeds = null!;
    private SyntheticInstance[] _generated = null!;
    private int _item;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        SyntheticInstance Make(int i) => new()
        {
            Instruction = $"Problem {i}: " + string.Join(' ', Enumerable.Range(0, 60).Select(_ => "word" + random.Next(1000))),
            Response = string.Join(' ', Enumerable.Range(0, 120).Select(_ => "step" + random.Next(1000))) + $"\n[RESULT] {i} [/RESULT]",
        };
        _seeds = [.. Enumerable.Range(0, 1000).Select(Make)];
        _generated = [.. Enumerable.Range(0, 5000).Select(Make)];
    }

    [Benchmark(Description = "Prompt + parse + validate, one item")]
    public bool PromptParseValidate()
    {
        var random = new Random(HashCode.Combine(42, _item++, 1));
        var prompt = GenerationPromptBuilder.InstanceGeneration(_template, BenchmarkDomain.Math, _seeds, _generated, random);
        var (instruction, response, rejection) = GenerationParser.Parse(GenerationMethod.InstanceGeneration, prompt.Text, Completion);
        return rejection is null && GenerationValidator.CheckFinished("stop", Completion) is null
            && GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, instruction!, response!) is null;
    }
}
