namespace AgoraBench.Tests.Generation;

public class GenerationValidatorTests
{
    private static string? Code(GenerationMethod method, BenchmarkDomain domain, string response, string instruction = "Do it.", ITokenCounter? counter = null) =>
        GenerationValidator.Validate(method, domain, instruction, response, counter)?.Code;

    [Theory]
    [InlineData("stop", "text", null)]
    [InlineData("stop_sequence", "text", null)]
    [InlineData("length", "text ends properly [END]", null)]
    [InlineData("length", "cut off in the midd", "unfinished")]
    [InlineData(null, "no reason given", "unfinished")]
    public void CheckFinished_AcceptsStopsOrTheEndMarker(string? reason, string text, string? code) =>
        Assert.Equal(code, GenerationValidator.CheckFinished(reason, text)?.Code);

    [Theory]
    [InlineData("Step 1 ... [RESULT] 9 [/RESULT]", null)]
    [InlineData("The answer is 9.", "math-result-count")]
    [InlineData("[RESULT] 9 [/RESULT] and again [RESULT] 9 [/RESULT]", "math-result-count")]
    [InlineData("[RESULT] 9 [/RESULT] so that is it", "math-result-end")]
    [InlineData("Use the OUTPUT: field [RESULT] 9 [/RESULT]", "placeholder-leak")]
    public void Math_Rules(string response, string? code) => Assert.Equal(code, Code(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, response));

    [Theory]
    [InlineData("```python\ndef f():\n    return 1\n```", null)]
    [InlineData("```python\ndef f():\n    return 1\n", "code-fence-count")]
    [InlineData("```python\nx = 1\n```\nThis function sets x.\n```\n```", "code-forbidden-phrase")]
    [InlineData("Here it is:\n```python\nx = 1\n```", "code-fence-boundary")]
    [InlineData("```python\n# example usage inside code is fine\nx = 1\n```", null)]
    public void Code_Rules(string response, string? code) => Assert.Equal(code, Code(GenerationMethod.ResponseGeneration, BenchmarkDomain.Code, response));

    [Theory]
    [InlineData(GenerationMethod.InstanceGeneration, "instruction-following", "Start with <first_word> here", "placeholder-leak")]
    [InlineData(GenerationMethod.ResponseGeneration, "instruction-following", "Start with <first_word> here", null)]
    [InlineData(GenerationMethod.QualityEnhancement, "instruction-following", "Revised Answer: again", "placeholder-leak")]
    [InlineData(GenerationMethod.QualityEnhancement, "instruction-following", "The output: is fine here", null)]
    [InlineData(GenerationMethod.InstanceGeneration, "instruction-following", "About <INPUT_THEME> things", "placeholder-leak")]
    [InlineData(GenerationMethod.InstanceGeneration, "instruction-following", "A fine answer.", null)]
    public void PlaceholderLeaks_DependOnTheMethod(GenerationMethod method, string domainName, string response, string? code)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        Assert.Equal(code, Code(method, domain, response));
    }

    [Theory]
    [InlineData("", "answer", "empty-instruction")]
    [InlineData("question", " ", "empty-response")]
    public void EmptyParts_AreRejected(string instruction, string response, string code) =>
        Assert.Equal(code, Code(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, response, instruction));

    [Fact]
    public void Length_IsCountedOnTheLlama3ChatString_PlusBos()
    {
        var counter = new WhitespaceCounter();
        string text = GenerationValidator.LengthCheckText("a b", "c d e");
        Assert.StartsWith("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a helpful assistant<|eot_id|>", text, StringComparison.Ordinal);
        Assert.EndsWith("c d e<|eot_id|>", text, StringComparison.Ordinal);
        int tokens = counter.CountTokens(text) + 1;
        Assert.Null(GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "a b", "c d e", counter, maxTokens: tokens));
        Assert.Equal("too-long", GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "a b", "c d e", counter, maxTokens: tokens - 1)!.Code);
    }

    [Fact]
    public void Length_IsOnlyCounted_WhenTheBytesCouldExceedTheLimit()
    {
        // A token covers at least one UTF-8 byte: an instance shorter in bytes than the limit fits without counting.
        var counter = new RecordingCounter();
        string shortResponse = new('x', 100);
        int bytes = System.Text.Encoding.UTF8.GetByteCount(GenerationValidator.LengthCheckText("Do it.", shortResponse)) + 1;
        Assert.Null(GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "Do it.", shortResponse, counter, maxTokens: bytes));
        Assert.Equal(0, counter.Calls);

        // One byte over: now the counter decides (one token per byte here, so too long).
        Assert.Equal("too-long", GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "Do it.", shortResponse, counter, maxTokens: bytes - 1)!.Code);
        Assert.Equal(1, counter.Calls);

        // Multi-byte text is bounded by its bytes, not its characters: 300 three-byte characters are 900 bytes.
        string wide = new('€', 300);
        int wideBytes = System.Text.Encoding.UTF8.GetByteCount(GenerationValidator.LengthCheckText("Do it.", wide)) + 1;
        Assert.Null(GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "Do it.", wide, counter, maxTokens: wideBytes - 1));
        Assert.Equal(2, counter.Calls);
    }

    [Fact]
    public void DefaultLengthCheck_StillRejectsLongInstances()
    {
        string longResponse = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"w{i}"));
        var generator = GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "Do it.", longResponse, TokenizerTokenCounter.Default);
        Assert.Equal("too-long", generator?.Code);
        Assert.Null(GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "Do it.", "A short answer.", LazyDefaultTokenCounter.Instance));
    }

    private sealed class RecordingCounter : ITokenCounter
    {
        public int Calls { get; private set; }

        // One token per UTF-16 unit of the Latin text, fewer than the bytes of wide text.
        public int CountTokens(string text)
        {
            Calls++;
            return text.Length;
        }
    }

    private sealed class WhitespaceCounter : ITokenCounter
    {
        public int CountTokens(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
