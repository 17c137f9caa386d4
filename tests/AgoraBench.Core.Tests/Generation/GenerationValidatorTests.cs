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

    private sealed class WhitespaceCounter : ITokenCounter
    {
        public int CountTokens(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
