using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Training;

/// <summary>The SFT files are training data a user's trainer reads: the bytes of every format match the samples the previous, hand-written writer produced (checked in under Golden/).</summary>
public sealed class SftJsonTests
{
    private static readonly SyntheticInstance[] Generated =
    [
        new() { Id = "g1", Instruction = "What is 2 + 2?", Response = "2 + 2 = 4.\n[RESULT] 4 [/RESULT]" },
        new() { Id = "g2", Instruction = "Write \"hello\" in Python.\t<b>&'</b>", Response = "```python\nprint(\"hello\")\n```\\" },
        new() { Id = "g3", Instruction = "Ünïcode ✓ 😀 and <|tags|> \u0001", Response = "ok" },
    ];

    private static readonly SyntheticInstance[] Seeds = [new() { Id = "s1", Instruction = "Seed question", Response = "Seed answer" }];

    [Theory]
    [InlineData(SftFormat.OpenAIChat, "You are helpful.")]
    [InlineData(SftFormat.Messages, "You are helpful.")]
    [InlineData(SftFormat.Messages, "")]
    [InlineData(SftFormat.PromptCompletion, "You are helpful.")]
    [InlineData(SftFormat.PromptCompletion, "")]
    [InlineData(SftFormat.Llama3, "You are helpful.")]
    public async Task SftFile_IsTheFormatThePreviousVersionWrote(SftFormat format, string system)
    {
        using var temp = new TempDirectory();
        string path = temp.File("train.jsonl");
        var options = new SftExportOptions { SeedInstances = Seeds, SystemPrompt = system };

        await SftExporter.WriteAsync(path, Generated, format, options);

        string name = $"Training/Golden/sft-{SftExporter.ToName(format)}{(system.Length == 0 ? "-no-system" : string.Empty)}.jsonl";
        GoldenFile.Verify(File.ReadAllText(path), name);
        Assert.Equal(File.ReadAllLines(path)[1], SftExporter.FormatLine(Generated[0], format, options));
    }
}
