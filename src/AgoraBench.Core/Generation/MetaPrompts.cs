namespace AgoraBench;

/// <summary>
/// The meta-prompts of the nine settings (and the JSON instance-generation variant), written for this library with
/// the structure, markers and placeholders of the paper's prompts, shipped as embedded text files.
/// </summary>
/// <remarks>
/// Instance generation ends with <c>INPUT: </c> (so the completion starts with the new instruction) and uses
/// <c>&lt;input1&gt;</c>…<c>&lt;input3&gt;</c>, <c>&lt;output1&gt;</c>…<c>&lt;output3&gt;</c>, <c>&lt;input_theme&gt;</c>
/// and, for instruction following, <c>&lt;first_word&gt;</c>. Response generation ends with <c>INPUT:</c>,
/// <c>&lt;input&gt;</c>, <c>OUTPUT:</c>. Quality enhancement ends with <c>Revised Question: </c> and uses <c>&lt;input&gt;</c>
/// and <c>&lt;output&gt;</c>.
/// </remarks>
internal static class MetaPrompts
{
    /// <summary>Gets the system message sent with every generation request.</summary>
    public static string SystemMessage { get; } = Load("system.txt").Trim();

    /// <summary>Gets the built-in template of a setting.</summary>
    /// <param name="method">The method.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="style">The prompt style; <see cref="PromptStyle.Json"/> exists for instance generation only.</param>
    /// <returns>The template text.</returns>
    /// <exception cref="ArgumentException">The JSON style was asked for another method.</exception>
    public static string Template(GenerationMethod method, BenchmarkDomain domain, PromptStyle style = PromptStyle.Agora)
    {
        if (!domain.IsBuiltIn)
        {
            throw new ArgumentException($"'{domain}' is a declared domain: its meta-prompts come from the plan's generation.templates, not from the paper.", nameof(domain));
        }

        string domainName = domain == BenchmarkDomain.InstructionFollowing ? "general" : AgoraBenchNames.ToName(domain);
        if (style == PromptStyle.Json && method != GenerationMethod.InstanceGeneration)
        {
            throw new ArgumentException("The JSON prompt style exists for instance generation only (the paper released no other).", nameof(style));
        }

        string text = Load($"{AgoraBenchNames.ToName(method).Replace('-', '_')}_{domainName}{(style == PromptStyle.Json ? "_json" : string.Empty)}.txt");

        // The files end with a newline; instance generation, quality enhancement and the JSON variant must end right
        // after their trigger ("INPUT: ", "Revised Question: ", "New Example: ") so the completion continues it.
        return method == GenerationMethod.ResponseGeneration ? text : text.TrimEnd('\n', '\r');
    }

    /// <summary>Gets the placeholders a template for a setting must contain (<c>&lt;input_theme&gt;</c> only for the paper's domains: a declared domain needs it only when it lists themes).</summary>
    /// <param name="method">The method.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="style">The prompt style.</param>
    /// <returns>The required placeholders.</returns>
    public static IReadOnlyList<string> RequiredPlaceholders(GenerationMethod method, BenchmarkDomain domain, PromptStyle style = PromptStyle.Agora) => method switch
    {
        GenerationMethod.InstanceGeneration when style == PromptStyle.Json => ["<input1>", "<output1>", "<input2>", "<output2>", "<input3>", "<output3>"],
        GenerationMethod.InstanceGeneration when domain == BenchmarkDomain.InstructionFollowing => ["<input1>", "<output1>", "<input2>", "<output2>", "<input3>", "<output3>", "<input_theme>", "<first_word>"],
        GenerationMethod.InstanceGeneration when domain.IsBuiltIn => ["<input1>", "<output1>", "<input2>", "<output2>", "<input3>", "<output3>", "<input_theme>"],
        GenerationMethod.InstanceGeneration => ["<input1>", "<output1>", "<input2>", "<output2>", "<input3>", "<output3>"],
        GenerationMethod.ResponseGeneration => ["<input>"],
        _ => ["<input>", "<output>"],
    };

    /// <summary>Checks a user-supplied template: every required placeholder present, and the trigger it must end with.</summary>
    /// <param name="template">The template.</param>
    /// <param name="method">The method.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="style">The prompt style.</param>
    /// <returns>Every problem found; empty when the template is usable.</returns>
    public static IReadOnlyList<string> Validate(string template, GenerationMethod method, BenchmarkDomain domain, PromptStyle style = PromptStyle.Agora)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = RequiredPlaceholders(method, domain, style)
            .Where(p => !template.Contains(p, StringComparison.Ordinal))
            .Select(p => $"the template lacks the placeholder {p}")
            .ToList();
        string? ending = method switch
        {
            GenerationMethod.InstanceGeneration when style == PromptStyle.Agora => "INPUT:",
            GenerationMethod.QualityEnhancement => "Revised Question:",
            _ => null,
        };
        if (ending is not null && !template.TrimEnd().EndsWith(ending, StringComparison.Ordinal))
        {
            problems.Add($"the template must end with \"{ending} \" so the completion continues it");
        }

        if (method == GenerationMethod.ResponseGeneration && !template.Contains("OUTPUT:", StringComparison.Ordinal))
        {
            problems.Add("the template must contain OUTPUT: after the <input> placeholder");
        }

        return problems;
    }

    private static string Load(string name)
    {
        using var stream = typeof(MetaPrompts).Assembly.GetManifestResourceStream("AgoraBench.Generation.Prompts." + name)
            ?? throw new InvalidOperationException($"The embedded meta-prompt {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
