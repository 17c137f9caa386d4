using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>A generator under test in a plan file; its model defaults to its name.</summary>
[Description("A generator under test; model defaults to name.")]
internal sealed record GeneratorDocument : ModelAccessDocument
{
    [Required]
    [MinimumLength(1)]
    [Description("The generator's name in results (unique).")]
    public string? Name { get; set; }

    [MinimumLength(1)]
    [Description("The model id sent with each request; ${VAR} and ${VAR:-default} are expanded.")]
    public string? Model { get; set; }
}
