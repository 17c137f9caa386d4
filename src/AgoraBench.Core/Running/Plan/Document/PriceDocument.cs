using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>A price in a plan file.</summary>
[Description("USD per million tokens.")]
internal sealed record PriceDocument
{
    [Required]
    [Range(0d, double.MaxValue)]
    [Description("USD per million input (prompt) tokens.")]
    public decimal? Input { get; set; }

    [Required]
    [Range(0d, double.MaxValue)]
    [Description("USD per million output (completion) tokens.")]
    public decimal? Output { get; set; }
}
