using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>A model a plan file names for a role (judge, embedder, base, reference, fine-tuning API).</summary>
internal sealed record EndpointDocument : ModelAccessDocument
{
    [Required(ErrorMessage = "is missing: name the model id the endpoint serves")]
    [MinimumLength(1)]
    [Description("The model id sent with each request; ${VAR} and ${VAR:-default} are expanded.")]
    public string? Model { get; set; }
}
