namespace AgoraBench.Tests.Generation;

public class GenerationParserTests
{
    [Fact]
    public void InstanceGeneration_SplitsAtOutputAndEnd()
    {
        var (instruction, response, rejection) = GenerationParser.Parse(GenerationMethod.InstanceGeneration, "…INPUT: ", " What is 3 squared?\nOUTPUT: 3^2 = 9.\n[RESULT] 9 [/RESULT]\n[END]\ntrailing");
        Assert.Null(rejection);
        Assert.Equal(("What is 3 squared?", "3^2 = 9.\n[RESULT] 9 [/RESULT]"), (instruction, response));
    }

    [Fact]
    public void InstanceGeneration_UsesTheLastInput_AndFailsWithoutOutput()
    {
        var parsed = GenerationParser.Parse(GenerationMethod.InstanceGeneration, "p", "draft INPUT: Final task?\nOUTPUT: Answer.");
        Assert.Equal(("Final task?", "Answer."), (parsed.Instruction, parsed.Response));
        Assert.Equal("parse-failed", GenerationParser.Parse(GenerationMethod.InstanceGeneration, "p", "Only a question?").Rejection!.Code);
    }

    [Fact]
    public void ResponseGeneration_RereadsTheInstructionFromThePrompt()
    {
        string prompt = MetaPrompts.Template(GenerationMethod.ResponseGeneration, BenchmarkDomain.InstructionFollowing).Replace("<input>", "Name three rivers.", StringComparison.Ordinal);
        var (instruction, response, _) = GenerationParser.Parse(GenerationMethod.ResponseGeneration, prompt, "Nile, Amazon, Danube. [END]");
        Assert.Equal(("Name three rivers.", "Nile, Amazon, Danube."), (instruction, response));
        Assert.Equal("Seine.", GenerationParser.Parse(GenerationMethod.ResponseGeneration, prompt, "draft OUTPUT: Seine. [END]").Response);
    }

    [Fact]
    public void QualityEnhancement_UsesTheRevisedTriggers()
    {
        var (instruction, response, rejection) = GenerationParser.Parse(GenerationMethod.QualityEnhancement, "p", "How do I reverse a list?\n\nRevised Answer: Use reversed(x). [END]");
        Assert.Null(rejection);
        Assert.Equal(("How do I reverse a list?", "Use reversed(x)."), (instruction, response));
        Assert.Equal("parse-failed", GenerationParser.Parse(GenerationMethod.QualityEnhancement, "p", "No answer here").Rejection!.Code);
    }

    [Theory]
    [InlineData("{\"instruction\": \"Q\", \"response\": \"A\"}", "Q", "A", null)]
    [InlineData("```json\n{\"instruction\": \"Q\", \"response\": \"A\"}\n```", null, null, "parse-failed")]
    [InlineData("{\"instruction\": 5}", null, null, "parse-failed")]
    public void Json_ParsesOneObject_AndRejectsFencedOutput(string completion, string? instruction, string? response, string? code)
    {
        var parsed = GenerationParser.Parse(GenerationMethod.InstanceGeneration, "p", completion, PromptStyle.Json);
        Assert.Equal((instruction, response, code), (parsed.Instruction, parsed.Response, parsed.Rejection?.Code));
    }
}
