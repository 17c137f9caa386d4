namespace AgoraBench.Tests.Generation;

public class MetaPromptsTests
{
    [Theory]
    [InlineData("math")]
    [InlineData("code")]
    [InlineData("instruction-following")]
    public void InstanceGeneration_HasTheSectionsInOrder_AndEndsWithInput(string domainName)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, domain);
        string[] sections = ["[GENERAL GUIDELINES]", "[INPUT REQUIREMENTS]", "[OUTPUT REQUIREMENTS]", "[FORMAT REQUIREMENTS]", "[EXAMPLE 1]\nINPUT: <input1>\nOUTPUT: <output1>\n[END]", "[EXAMPLE 2]", "[EXAMPLE 3]\nINPUT: <input3>\nOUTPUT: <output3>\n[END]", "[NEW INSTANCE]\nINPUT: "];
        int position = 0;
        foreach (string section in sections)
        {
            int found = template.IndexOf(section, position, StringComparison.Ordinal);
            Assert.True(found >= position, $"'{section}' is missing or out of order");
            position = found + section.Length;
        }

        Assert.EndsWith("[NEW INSTANCE]\nINPUT: ", template, StringComparison.Ordinal);
        Assert.Empty(MetaPrompts.Validate(template, GenerationMethod.InstanceGeneration, domain));
        Assert.Equal(domain == BenchmarkDomain.InstructionFollowing, template.Contains("<first_word>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("math")]
    [InlineData("code")]
    [InlineData("instruction-following")]
    public void ResponseGeneration_EndsWithInputThenOutput(string domainName)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        string template = MetaPrompts.Template(GenerationMethod.ResponseGeneration, domain);
        Assert.EndsWith("INPUT:\n<input>\n\nOUTPUT:\n", template, StringComparison.Ordinal);
        Assert.Empty(MetaPrompts.Validate(template, GenerationMethod.ResponseGeneration, domain));
    }

    [Theory]
    [InlineData("math")]
    [InlineData("code")]
    [InlineData("instruction-following")]
    public void QualityEnhancement_HasTheNumberedSections_AndEndsWithRevisedQuestion(string domainName)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        string template = MetaPrompts.Template(GenerationMethod.QualityEnhancement, domain);
        foreach (string section in new[] { "1. Formatting Correction", "1-a. Output Formatting", "2. Coherence and Conciseness", "3. Completeness", "4. Accuracy Verification and Correction", "### Original Instance:\nQuestion: <input>\nAnswer: <output>\n\n### Revised Instance:\nRevised Question: " })
        {
            Assert.Contains(section, template, StringComparison.Ordinal);
        }

        Assert.EndsWith("Revised Question: ", template, StringComparison.Ordinal);
        Assert.Equal(domain == BenchmarkDomain.Math, template.Contains("1-c.", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonVariant_ExistsForInstanceGenerationOnly()
    {
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Code, PromptStyle.Json);
        Assert.Contains("Example 3: {\"instruction\": <input3>, \"response\": <output3>}", template, StringComparison.Ordinal);
        Assert.EndsWith("New Example: ", template, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MetaPrompts.Template(GenerationMethod.QualityEnhancement, BenchmarkDomain.Code, PromptStyle.Json));
    }

    [Fact]
    public void Validate_CustomTemplate_ListsEveryProblem()
    {
        var problems = MetaPrompts.Validate("Write something about <input_theme>. INPUT: <input1> OUTPUT: <output1>\nDone.", GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing);
        Assert.Contains("the template lacks the placeholder <input2>", problems);
        Assert.Contains("the template lacks the placeholder <first_word>", problems);
        Assert.Contains(problems, p => p.Contains("must end with \"INPUT: \"", StringComparison.Ordinal));
    }
}
