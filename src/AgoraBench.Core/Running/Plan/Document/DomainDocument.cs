using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>A domain of one's own task under <c>domains</c> of a plan file.</summary>
internal sealed record DomainDocument
{
    [Description("One line on what the domain is about.")]
    public string? Description { get; set; }

    [Description("Themes instance generation draws from; then the instance-generation template must place <input_theme>.")]
    public List<string>? Themes { get; set; }

    [AllowedValues("math", "code", "general")]
    [Description("Which rules check generated instances: the math or code validator, else the general one (the default).")]
    public string? Validator { get; set; }

    [Required(ErrorMessage = "is missing or empty: a domain needs at least one benchmark to score its students")]
    [MinimumLength(1)]
    [UniqueItems]
    [Description("Ids of the benchmarks (under evaluation.benchmarks, or registered by a host) that score the domain's students.")]
    public List<string>? Benchmarks { get; set; }

    public RubricsDocument? Rubrics { get; set; }
}
