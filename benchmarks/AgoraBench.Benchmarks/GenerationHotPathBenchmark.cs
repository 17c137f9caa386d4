using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// The per-request work of <c>agorabench generate --method instance-generation</c> outside the HTTP client, at the
/// scale of a real seed file (7,473 GSM8K-sized seeds): building the prompt, the length check with the default
/// counter on an ordinary instance, and the run store's three durable appends (issued prompt, attempt, instance).
/// </summary>
[MemoryDiagnoser]
public class GenerationHotPathBenchmark
{
    private const string Completion = " A farmer has 12 rows of 30 apple trees. How many trees are there in total?\nOUTPUT: Each row has 30 trees and there are 12 rows, so 12 × 30 = 360.\n[RESULT] 360 [/RESULT]";
    private readonly string _template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
    private SyntheticInstance[] _seeds = null!;
    private SyntheticInstance[] _generated = null!;
    private GenerationRunStore _store = null!;
    private GenerationOutcome _outcome = null!;
    private string _prompt = null!;
    private string _dir = null!;
    private int _item;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        SyntheticInstance Make(int i) => new()
        {
            Instruction = $"Problem {i}: " + string.Join(' ', Enumerable.Range(0, 45).Select(_ => "word" + random.Next(1000))),
            Response = string.Join(' ', Enumerable.Range(0, 60).Select(_ => "step" + random.Next(1000))) + $"\n[RESULT] {i} [/RESULT]",
        };
        _seeds = [.. Enumerable.Range(0, 7473).Select(Make)];
        _generated = [.. Enumerable.Range(0, 1000).Select(Make)];
        _prompt = GenerationPromptBuilder.InstanceGeneration(_template, BenchmarkDomain.Math, _seeds, _generated, new Random(1)).Text;
        var (instruction, response, _) = GenerationParser.Parse(GenerationMethod.InstanceGeneration, _prompt, Completion);
        _outcome = new GenerationOutcome(instruction, response, null, Completion, "stop", 600, 60);
        _dir = Directory.CreateTempSubdirectory("agb-hot-").FullName;
        _store = GenerationRunStore.OpenAsync(Path.Combine(_dir, "out.jsonl"), resume: false).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "Prompt from 7,473 seeds + 1,000 generated")]
    public int BuildPrompt() =>
        GenerationPromptBuilder.InstanceGeneration(_template, BenchmarkDomain.Math, _seeds, _generated, new Random(StableSeed.Mix(0, _item++, 1))).Text.Length;

    [Benchmark(Description = "Parse + validate with the default length check")]
    public bool ParseValidate()
    {
        var (instruction, response, rejection) = GenerationParser.Parse(GenerationMethod.InstanceGeneration, _prompt, Completion);
        return rejection is null
            && GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, instruction!, response!, LazyDefaultTokenCounter.Instance) is null;
    }

    [Benchmark(Description = "Run store: issued + attempt + instance lines")]
    public async Task AppendThreeLines()
    {
        int item = _item++;
        string id = "instance-generation-math-" + item.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _store.AppendIssuedAsync(id, item, 1, _prompt);
        await _store.AppendAttemptAsync(id, 1, _outcome);
        await _store.AppendInstanceAsync(new SyntheticInstance
        {
            Id = id,
            Instruction = _outcome.Instruction!,
            Response = _outcome.Response!,
            Method = GenerationMethod.InstanceGeneration,
            Domain = BenchmarkDomain.Math,
            Generator = "gen",
        });
    }
}
