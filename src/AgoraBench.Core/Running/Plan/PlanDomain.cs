namespace AgoraBench;

/// <summary>A domain declared in a plan's <c>domains</c>: what it is about and which benchmarks score its students.</summary>
internal sealed record PlanDomain
{
    /// <summary>Gets the domain's name (the part after <c>/</c> in a setting key).</summary>
    public required string Name { get; init; }

    /// <summary>Gets a one-line description, or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the themes instance generation draws from (then <c>&lt;input_theme&gt;</c> is required in its meta-prompt); empty for none.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>Gets the validator kind (<c>math</c>, <c>code</c> or <c>general</c>), or <see langword="null"/> for the general one.</summary>
    public string? Validator { get; init; }

    /// <summary>
    /// Gets the domain's own rubric files of the intrinsic-metric judges, by metric name
    /// (<c>instruction-difficulty</c>, <c>response-quality</c>): a <c>[criterion]</c> line, then <c>Score 1:</c> …
    /// <c>Score 5:</c>. A metric without one uses the general rubric.
    /// </summary>
    public IReadOnlyDictionary<string, string> Rubrics { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the ids of the benchmarks that score the domain's students.</summary>
    public IReadOnlyList<string> Benchmarks { get; init; } = [];
}
