using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// A plan file as written: the one description of its keys, their types, defaults and limits. The reader checks a
/// file against it (<see cref="PlanDocumentReader"/>), <c>docs/plan.schema.json</c> is generated from it
/// (<see cref="PlanSchema"/>), and <see cref="AgoraBenchPlanFile"/> turns it into an <see cref="AgoraBenchPlan"/>.
/// </summary>
[Description("An AGORABENCH study for `agorabench run` and `agorabench estimate`: generators, settings, seed data, and how students are trained, evaluated and analyzed. Relative paths resolve against the plan's folder. See docs/plan.md.")]
internal sealed record PlanDocument
{
    /// <summary>A setting key: a method (or its short or snake_case name), a slash, and a domain name.</summary>
    public const string SettingKeyPattern = "^" + SettingKey + "$";

    /// <summary>A setting key, unanchored.</summary>
    private const string SettingKey = "(instance-generation|response-generation|quality-enhancement|ig|rg|qe|instance_generation|response_generation|quality_enhancement)/[A-Za-z0-9][A-Za-z0-9._-]*";

    /// <summary>A domain name.</summary>
    public const string DomainNamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    [JsonPropertyName("$schema")]
    [Description("The schema the file follows, for editors; ignored by the reader.")]
    public string? Schema { get; set; }

    [Required(ErrorMessage = "is missing: give the study a name")]
    [MinimumLength(1)]
    [Description("The study's name: the report title and the default run folder runs/<name>.")]
    public string? Name { get; set; }

    [Description("Domains of your own task, by name (used in settings as method/name): what they are about and the benchmarks that score their students.")]
    [KeyPattern(DomainNamePattern)]
    public Dictionary<string, DomainDocument>? Domains { get; set; }

    [Required(ErrorMessage = "is missing or empty: list the settings to run (method/domain), or [\"all\"]")]
    [MinimumLength(1)]
    [UniqueItems]
    [RegularExpression("^(all|" + SettingKey + ")$", ErrorMessage = "is not a setting; write method/domain, for example instance-generation/math, or \"all\"")]
    [Description("Settings to run as method/domain (a paper domain — math, code, instruction-following — or one declared under domains), or \"all\".")]
    public List<string>? Settings { get; set; }

    [Range(1, int.MaxValue)]
    [Description("Instances per generator and setting (instance generation), or seeds processed (the first N; response generation, quality enhancement).")]
    public int Instances { get; set; } = AgoraBenchConstants.InstancesPerSetting;

    [Description("Seed of demonstrations, themes, triggers, back-off jitter and bootstrap.")]
    public int RandomSeed { get; set; } = AgoraBenchConstants.RandomSeed;

    [Required(ErrorMessage = "is missing: name the seed-data file of each setting")]
    [Description("The seed-data file of each setting (JSON array, JSONL or CSV with a header, of instruction/response, or GSM8K-style question/answer).")]
    public SettingFileMap? Seeds { get; set; }

    [Required(ErrorMessage = "is missing or empty: list at least one generator")]
    [MinimumLength(1)]
    [Description("The generators under test.")]
    public List<GeneratorDocument>? Generators { get; set; }

    [Description("How data is generated; the defaults are the paper's.")]
    public GenerationDocument? Generation { get; set; }

    [Description("Intrinsic metrics of every generated dataset.")]
    public MetricsDocument? Metrics { get; set; }

    [Required]
    [Description("How students are trained.")]
    public TrainingDocument? Training { get; set; }

    [Required]
    [Description("How students are evaluated.")]
    public EvaluationDocument? Evaluation { get; set; }

    [Description("How PGR is aggregated and the study analyzed.")]
    public AnalysisDocument? Analysis { get; set; }

    [Description("Assumptions of agorabench estimate.")]
    public EstimateDocument? Estimate { get; set; }
}
