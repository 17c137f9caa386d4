using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>The options of the <c>python-tests</c> grader.</summary>
[Description("Runs the problem's tests against the answer in the Python sandbox; pass@k over several samples.")]
internal sealed record PythonTestsGraderDocument : ExtractingGraderDocument
{
    [Required]
    [MinimumLength(1)]
    [Description("The field holding the Python test code.")]
    public string? Tests { get; set; }

    [StringOrStrings]
    [Description("Field(s) placed before the candidate code (HumanEval's prompt, MBPP's imports).")]
    public JsonNode? Prefix { get; set; }

    [MinimumLength(1)]
    [Description("A field naming the function passed to check(...) after the tests.")]
    public string? EntryPoint { get; set; }

    [AllowedValues("auto", "code", "string")]
    [Description("Whether the answer is run as code, passed as a string, or chosen by its fenced block's language.")]
    public string AnswerAs { get; set; } = "auto";

    [AllowedValues("last", "first-python")]
    [Description("Which fenced block holds the code: the last one, or the first python one.")]
    public string Block { get; set; } = "last";
}
