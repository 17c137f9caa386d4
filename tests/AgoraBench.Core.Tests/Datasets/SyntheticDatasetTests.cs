using System.Text;
using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Datasets;

public class SyntheticDatasetTests
{
    private static Task<IReadOnlyList<SyntheticInstance>> ReadText(string text, SyntheticDatasetReadOptions? options = null) =>
        SyntheticDataset.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "data.jsonl", options);

    [Fact]
    public async Task ReadAsync_ReferenceJsonArray_ReadsEveryField()
    {
        var instances = await SyntheticDataset.ReadAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "reference-seed.json"));

        Assert.Equal(2, instances.Count);
        Assert.Equal("math", instances[0].Config);
        Assert.Null(instances[0].Index);
        Assert.EndsWith("[RESULT] 60 [/RESULT]", instances[0].Response, StringComparison.Ordinal);
        Assert.Equal(1, instances[1].Index);
        Assert.Contains("s[::-1]", instances[1].Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_JsonLines_ReadsOptionalFieldsAndKeepsUnknownOnes()
    {
        var instances = await ReadText(
            """
            {"id": "a-1", "instruction": "Q1", "response": "R1", "method": "instance_generation", "domain": "general", "generator": "gpt-4o-mini", "score": 4.5}

            {"id": 7, "instruction": "", "response": "", "idx": 3, "config": null}
            """);

        Assert.Equal(2, instances.Count);
        var first = instances[0];
        Assert.Equal(("a-1", GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "gpt-4o-mini"), (first.Id, first.Method!.Value, first.Domain!.Value, first.Generator));
        Assert.Equal(4.5, first.AdditionalProperties!["score"].GetDouble());
        Assert.Equal(("7", 3, ""), (instances[1].Id, instances[1].Index!.Value, instances[1].Response));
    }

    [Fact]
    public async Task ReadAsync_MalformedLines_ReportsEveryProblemWithLineAndField()
    {
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => ReadText(
            """
            {"instruction": "ok", "response": "ok"}
            {"instruction": "no response"}
            {"instruction": "broken", "response": 
            {"instruction": 5, "response": "x", "idx": -1}
            [1, 2]
            {"instruction": "a", "response": "b", "method": "distill", "domain": "b/o"}
            """));

        Assert.StartsWith("data.jsonl:3: not valid JSON: ", ex.Errors[1].ToString(), StringComparison.Ordinal);
        Assert.Equal(
            [
                "data.jsonl:2: field 'response': is missing",
                "data.jsonl:4: field 'instruction': must be a string, found a number",
                "data.jsonl:4: field 'idx': must be a non-negative integer, found -1",
                "data.jsonl:5: expected a JSON object, found an array",
                "data.jsonl:6: field 'method': 'distill' is not a method; expected instance-generation, response-generation or quality-enhancement",
                "data.jsonl:6: field 'domain': 'b/o' is not a domain; use math, code, instruction-following or a declared domain's name (letters, digits, '-', '_' or '.')",
            ],
            ex.Errors.Where(e => e.Line != 3).Select(e => e.ToString()));
        Assert.Equal(7, ex.Errors.Count);
    }

    [Fact]
    public async Task ReadAsync_JsonArray_NamesTheLineOfTheBadElement()
    {
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => ReadText(
            """
            [
              {"instruction": "a", "response": "b"},
              {
                "instruction": "c",
                "response": null
              },
              "oops"
            ]
            """));

        Assert.Equal(["data.jsonl:3: field 'response': must be a string, found null", "data.jsonl:7: expected an object, found a string"], ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task ReadAsync_JsonArraySyntaxError_NamesTheLine()
    {
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => ReadText("[\n  {\"instruction\": \"a\", \"response\": \"b\"},\n  {\"instruction\": \"c\" \"response\": \"d\"}\n]"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StopsAfterMaxErrors()
    {
        string text = string.Concat(Enumerable.Repeat("{\"instruction\": 1, \"response\": \"r\"}\n", 50));
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => ReadText(text, new SyntheticDatasetReadOptions { MaxErrors = 5 }));
        Assert.Equal(6, ex.Errors.Count);
        Assert.Equal("stopped reading after 5 problems", ex.Errors[^1].Message);
    }

    [Fact]
    public async Task ReadAsync_QuestionAnswerMapping_ReadsGsm8kStyleRows()
    {
        var instances = await ReadText("{\"question\": \"2+2?\", \"answer\": \"4\\n#### 4\"}\n", SyntheticDatasetReadOptions.QuestionAnswer);
        Assert.Equal(("2+2?", "4\n#### 4"), (instances[0].Instruction, instances[0].Response));
    }

    [Fact]
    public async Task ReadAsync_AllowMissingResponse_ReadsInstructionOnlyRows()
    {
        var instances = await ReadText("{\"instruction\": \"only\"}", new SyntheticDatasetReadOptions { AllowMissingResponse = true });
        Assert.Equal(string.Empty, Assert.Single(instances).Response);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMark_IsAccepted()
    {
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("[{\"instruction\": \"a\", \"response\": \"b\"}]")];
        var instances = await SyntheticDataset.ReadAsync(new MemoryStream(bytes), "bom.json");
        Assert.Single(instances);
    }

    [Theory]
    [InlineData("out.jsonl", '{')]
    [InlineData("out.json", '[')]
    public async Task WriteAsync_RoundTripsEveryField_AtomicallyByExtension(string name, char firstChar)
    {
        using var temp = new TempDirectory();
        using var extra = JsonDocument.Parse("{\"score\": [1, 2], \"note\": \"ünïcode ✓\"}");
        var instances = new[]
        {
            new SyntheticInstance
            {
                Id = "x-1",
                Instruction = "Line 1\nLine \"2\"",
                Response = "```python\nprint('hi')\n```",
                Config = "mbpp",
                Index = 4,
                Method = GenerationMethod.QualityEnhancement,
                Domain = BenchmarkDomain.Code,
                Generator = "Llama-3.1-8B-Instruct",
                AdditionalProperties = extra.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            },
            new SyntheticInstance { Instruction = "plain", Response = string.Empty },
        };

        string path = temp.File(Path.Combine("nested", name));
        await SyntheticDataset.WriteAsync(path, instances);
        var read = await SyntheticDataset.ReadAsync(path);

        Assert.Equal(firstChar, File.ReadAllText(path)[0]);
        Assert.Equal(["out" + Path.GetExtension(name)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        Assert.Equal(2, read.Count);
        var first = read[0];
        Assert.Equal(
            (instances[0].Id, instances[0].Instruction, instances[0].Response, instances[0].Config, instances[0].Index, instances[0].Method, instances[0].Domain, instances[0].Generator),
            (first.Id, first.Instruction, first.Response, first.Config, first.Index, first.Method, first.Domain, first.Generator));
        Assert.Equal("ünïcode ✓", first.AdditionalProperties!["note"].GetString());
        Assert.Equal(2, first.AdditionalProperties["score"].GetArrayLength());
        Assert.Equal(
            (instances[1].Id, instances[1].Instruction, instances[1].Response, instances[1].Config, instances[1].Index, instances[1].Method, instances[1].Domain, instances[1].Generator, instances[1].AdditionalProperties),
            (read[1].Id, read[1].Instruction, read[1].Response, read[1].Config, read[1].Index, read[1].Method, read[1].Domain, read[1].Generator, read[1].AdditionalProperties));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_LeavesExistingFileUnchanged()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("data.jsonl", "{\"instruction\": \"old\", \"response\": \"old\"}\n");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyntheticDataset.WriteAsync(path, [new SyntheticInstance { Instruction = "new", Response = "new" }], cancellationToken: cts.Token));

        Assert.Equal("old", Assert.Single(await SyntheticDataset.ReadAsync(path)).Instruction);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task ReadAsync_MissingFile_Throws()
    {
        using var temp = new TempDirectory();
        await Assert.ThrowsAsync<FileNotFoundException>(() => SyntheticDataset.ReadAsync(temp.File("absent.jsonl")));
    }

    [SharedDataFact("datasets/gsm8k/train.jsonl")]
    public async Task ReadAsync_RealGsm8kTrain_ReadsAll7473Rows()
    {
        var rows = await SyntheticDataset.ReadAsync(SharedData.Path("datasets/gsm8k/train.jsonl"), SyntheticDatasetReadOptions.QuestionAnswer);
        Assert.Equal(7473, rows.Count);
        Assert.All(rows, r => Assert.Contains("\n#### ", r.Response, StringComparison.Ordinal));
    }

    [SharedDataFact("datasets/mbpp/sanitized-mbpp.json")]
    public async Task ReadAsync_RealSanitizedMbppArray_ReadsAll427Rows()
    {
        var rows = await SyntheticDataset.ReadAsync(
            SharedData.Path("datasets/mbpp/sanitized-mbpp.json"),
            new SyntheticDatasetReadOptions { InstructionField = "prompt", ResponseField = "code" });
        Assert.Equal(427, rows.Count);
        Assert.All(rows, r => Assert.True(r.AdditionalProperties!.ContainsKey("test_list")));
    }
}
