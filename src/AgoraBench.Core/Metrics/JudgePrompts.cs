namespace AgoraBench;

/// <summary>The judge prompt (absolute grading without a reference answer) and the six rubrics, from embedded resources.</summary>
internal static class JudgePrompts
{
    /// <summary>Gets the judge's system prompt.</summary>
    public static string SystemPrompt { get; } = Load("judge_system.txt").Trim();

    /// <summary>Gets the grading template with the placeholders <c>{instruction}</c>, <c>{response}</c> and <c>{rubric}</c>.</summary>
    public static string GradingTemplate { get; } = Load("absolute_grading.txt");

    /// <summary>Gets the rubric for a criterion in a domain: a <c>[criterion]</c> line, then <c>Score 1:</c> … <c>Score 5:</c>. A declared domain gets the general (instruction-following) rubric.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The rubric text.</returns>
    public static string Rubric(JudgeCriterion criterion, BenchmarkDomain domain) =>
        Load($"rubric_{(criterion == JudgeCriterion.ResponseQuality ? "response_quality" : "instruction_difficulty")}_{AgoraBenchNames.ToName(domain.IsBuiltIn ? domain : BenchmarkDomain.InstructionFollowing)}.txt").Trim();

    /// <summary>Gets the fixed task text placed in the instruction slot when grading instruction difficulty.</summary>
    /// <param name="domain">The domain (<c>math</c>, <c>code</c>; instruction following is called <c>general</c> as in the reference code).</param>
    /// <returns>The task text.</returns>
    public static string DifficultyTask(BenchmarkDomain domain) =>
        Load("difficulty_task.txt").Trim().Replace("{domain}", domain == BenchmarkDomain.InstructionFollowing ? "general" : AgoraBenchNames.ToName(domain), StringComparison.Ordinal);

    /// <summary>Fills the grading template. Placeholders are replaced in one pass, so text that contains <c>{response}</c> is left as it is.</summary>
    /// <param name="instruction">The instruction slot.</param>
    /// <param name="response">The response slot.</param>
    /// <param name="rubric">The rubric.</param>
    /// <param name="template">A template, or <see langword="null"/> for <see cref="GradingTemplate"/>.</param>
    /// <returns>The filled prompt.</returns>
    public static string Fill(string instruction, string response, string rubric, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rubric);
        template ??= GradingTemplate;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["instruction"] = instruction, ["response"] = response, ["rubric"] = rubric };
        return System.Text.RegularExpressions.Regex.Replace(template, @"\{(instruction|response|rubric)\}", m => values[m.Groups[1].Value]);
    }

    private static string Load(string name)
    {
        using var stream = typeof(JudgePrompts).Assembly.GetManifestResourceStream("AgoraBench.Metrics.Prompts." + name)
            ?? throw new InvalidOperationException($"The embedded prompt {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
