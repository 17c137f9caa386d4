using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// Reading a 10,000-instance dataset (one AGORABENCH setting) with line-and-field validation, against two baselines:
/// parsing each line into a <see cref="JsonDocument"/> and discarding it (a floor), and what a user would hand-write:
/// <see cref="JsonSerializer"/> with a source-generated context, one line at a time, keeping the rows.
/// </summary>
[MemoryDiagnoser]
public class SyntheticDatasetReadBenchmark
{
    private byte[] _jsonLines = [];
    private byte[] _jsonArray = [];

    [GlobalSetup]
    public async Task Setup()
    {
        var instances = Enumerable.Range(0, 10_000).Select(i => new SyntheticInstance
        {
            Id = "gsm-" + i,
            Instruction = $"Problem {i}: A train travels {i % 97} km in {1 + (i % 5)} hours. " + new string('x', 300),
            Response = "Step 1 ... Step 2 ... " + new string('y', 900) + $"\n[RESULT] {i} [/RESULT]",
            Method = GenerationMethod.InstanceGeneration,
            Domain = BenchmarkDomain.Math,
            Generator = "gpt-4o-mini",
        }).ToArray();

        using var lines = new MemoryStream();
        await SyntheticDataset.WriteAsync(lines, instances, SyntheticDatasetFormat.JsonLines);
        _jsonLines = lines.ToArray();
        using var array = new MemoryStream();
        await SyntheticDataset.WriteAsync(array, instances, SyntheticDatasetFormat.JsonArray);
        _jsonArray = array.ToArray();
    }

    [Benchmark(Baseline = true)]
    public int ParseLinesOnly()
    {
        int count = 0;
        using var reader = new StreamReader(new MemoryStream(_jsonLines), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            count += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    public int SerializerLines()
    {
        var rows = new List<PlainRow>();
        using var reader = new StreamReader(new MemoryStream(_jsonLines), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            rows.Add(JsonSerializer.Deserialize(line, BenchmarkJsonContext.Default.PlainRow)!);
        }

        return rows.Count;
    }

    [Benchmark]
    public async Task<int> ReadJsonLines() => (await SyntheticDataset.ReadAsync(new MemoryStream(_jsonLines), "bench.jsonl")).Count;

    [Benchmark]
    public async Task<int> ReadJsonArray() => (await SyntheticDataset.ReadAsync(new MemoryStream(_jsonArray), "bench.json")).Count;
}
