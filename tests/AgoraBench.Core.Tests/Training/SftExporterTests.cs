using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Training;

public class SftExporterTests
{
    private static readonly SyntheticInstance[] Generated =
    [
        new() { Id = "g1", Instruction = "What is 2 + 2?", Response = "2 + 2 = 4.\n[RESULT] 4 [/RESULT]" },
        new() { Id = "g2", Instruction = "Write \"hello\" in Python.", Response = "```python\nprint(\"hello\")\n```" },
        new() { Id = "g3", Instruction = "Ünïcode ✓ and <|tags|>", Response = "ok" },
    ];

    private static readonly SyntheticInstance[] Seeds = [new() { Id = "s1", Instruction = "Seed question", Response = "Seed answer" }];

    [Theory]
    [InlineData(SftFormat.OpenAIChat)]
    [InlineData(SftFormat.Messages)]
    [InlineData(SftFormat.PromptCompletion)]
    [InlineData(SftFormat.Llama3)]
    public async Task WriteAsync_RoundTrips_EveryInstanceOnceInOrder_SeedsFirst(SftFormat format)
    {
        using var temp = new TempDirectory();
        string path = temp.File("train.jsonl");
        int written = await SftExporter.WriteAsync(path, Generated, format, new SftExportOptions { SeedInstances = Seeds });

        var lines = File.ReadAllLines(path);
        Assert.Equal(4, written);
        Assert.Equal(4, lines.Length);
        var expected = Seeds.Concat(Generated).ToArray();
        for (int i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var (instruction, response) = Extract(json.RootElement, format);
            Assert.Equal(expected[i].Instruction, instruction);
            Assert.Equal(expected[i].Response, response);
        }

        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Llama3_UsesTheSpecTemplateExactly()
    {
        string line = SftExporter.FormatLine(new SyntheticInstance { Instruction = "Hi?", Response = "Hello." }, SftFormat.Llama3);
        using var json = JsonDocument.Parse(line);
        const string Prompt =
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a helpful AI assistant.<|eot_id|>"
            + "<|start_header_id|>user<|end_header_id|>\n\nHi?<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n";
        Assert.Equal(Prompt, json.RootElement.GetProperty("prompt").GetString());
        Assert.Equal("Hello.<|eot_id|>", json.RootElement.GetProperty("completion").GetString());
        Assert.Equal(Prompt + "Hello.<|eot_id|>", json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void OpenAIChat_HasSystemUserAssistant()
    {
        using var json = JsonDocument.Parse(SftExporter.FormatLine(Generated[0], SftFormat.OpenAIChat));
        Assert.Equal(["system", "user", "assistant"], json.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(SftExportOptions.PaperSystemPrompt, json.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void PromptCompletion_WithoutSystemPrompt_HasOnlyTheUserTurn()
    {
        using var json = JsonDocument.Parse(SftExporter.FormatLine(Generated[0], SftFormat.PromptCompletion, new SftExportOptions { SystemPrompt = string.Empty }));
        Assert.Equal(["user"], json.RootElement.GetProperty("prompt").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(["assistant"], json.RootElement.GetProperty("completion").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task WriteAsync_InvalidData_ListsEveryProblem_AndWritesNothing()
    {
        using var temp = new TempDirectory();
        SyntheticInstance[] bad = [new() { Instruction = " ", Response = "x" }, new() { Id = "b", Instruction = "q", Response = string.Empty }];
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => SftExporter.WriteAsync(
            temp.File("train.jsonl"), bad, SftFormat.OpenAIChat, new SftExportOptions { SystemPrompt = string.Empty, MinimumExamples = 10 }));

        Assert.Equal(
            [
                "field 'system': the openai-chat format needs a system prompt",
                "field 'instruction': generated instance #1: the instruction is empty",
                "field 'response': generated instance #2 (id b): the response is empty",
                "there are 0 examples; at least 10 are required",
            ],
            ex.Errors.Select(e => e.ToString()));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Theory]
    [InlineData("openai-chat", SftFormat.OpenAIChat)]
    [InlineData("messages", SftFormat.Messages)]
    [InlineData("prompt_completion", SftFormat.PromptCompletion)]
    [InlineData("LLAMA3", SftFormat.Llama3)]
    public void TryParseFormat_AcceptsNames(string text, SftFormat expected)
    {
        Assert.True(SftExporter.TryParseFormat(text, out var format));
        Assert.Equal(expected, format);
    }

    private static (string Instruction, string Response) Extract(JsonElement line, SftFormat format)
    {
        switch (format)
        {
            case SftFormat.PromptCompletion:
                return (line.GetProperty("prompt").EnumerateArray().Last().GetProperty("content").GetString()!, line.GetProperty("completion")[0].GetProperty("content").GetString()!);
            case SftFormat.Llama3:
                string prompt = line.GetProperty("prompt").GetString()!;
                string user = prompt.Split("<|start_header_id|>user<|end_header_id|>\n\n")[1].Split("<|eot_id|>")[0];
                string completion = line.GetProperty("completion").GetString()!;
                Assert.EndsWith("<|eot_id|>", completion, StringComparison.Ordinal);
                return (user, completion[..^"<|eot_id|>".Length]);
            default:
                var messages = line.GetProperty("messages").EnumerateArray().ToArray();
                return (messages.Single(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!, messages[^1].GetProperty("content").GetString()!);
        }
    }
}
