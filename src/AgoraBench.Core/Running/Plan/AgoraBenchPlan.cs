using System.Globalization;

namespace AgoraBench;

/// <summary>
/// An AGORABENCH study: which generators to compare on which settings, with which seed data, how many instances, and
/// how students are trained, evaluated and analyzed. Read one from a JSON plan file with
/// <see cref="AgoraBenchPlanFile"/> (which checks it and reports every problem at once); run it with <see cref="AgoraBenchRunner"/> and price it
/// beforehand with <see cref="PlanEstimator"/>.
/// </summary>
/// <remarks>A host reads the few facts below; the plan's other parts are the runner's business. Instances are immutable. Paths are absolute once read from a file (relative paths resolve against the plan's folder).</remarks>
public sealed class AgoraBenchPlan
{
    internal AgoraBenchPlan()
    {
    }

    /// <summary>Gets the study's name (the report's title unless the plan's <c>analysis.title</c> is set).</summary>
    public string Name { get; internal init; } = null!;

    /// <summary>Gets the settings to run.</summary>
    public IReadOnlyList<AgoraBenchSetting> Settings { get; internal init; } = null!;

    /// <summary>Gets the generators to compare.</summary>
    internal IReadOnlyList<PlanGenerator> Generators { get; init; } = [];

    /// <summary>Gets the seed-data file of each setting, by setting key (<c>method/domain</c>).</summary>
    internal IReadOnlyDictionary<string, string> Seeds { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the instances to generate per generator and setting (instance generation), or the seeds to process
    /// (response generation and quality enhancement: the first N seeds).
    /// </summary>
    /// <value>The default value is 10,000, as in the paper.</value>
    public int Instances { get; internal init; } = AgoraBenchConstants.InstancesPerSetting;

    /// <summary>Gets the seed of every random choice of generation (demonstrations, themes, triggers, back-off jitter).</summary>
    /// <value>The default value is 42, as in the paper.</value>
    internal int RandomSeed { get; init; } = AgoraBenchConstants.RandomSeed;

    /// <summary>Gets the domains the plan declares (<c>domains</c>), by name; empty when it uses the paper's three as they are.</summary>
    internal IReadOnlyDictionary<string, PlanDomain> Domains { get; init; } = new Dictionary<string, PlanDomain>(StringComparer.Ordinal);

    /// <summary>Gets how data is generated.</summary>
    internal PlanGeneration Generation { get; init; } = new();

    /// <summary>Gets the intrinsic metrics.</summary>
    internal PlanMetrics Metrics { get; init; } = new();

    /// <summary>Gets how students are trained.</summary>
    public PlanTraining Training { get; internal init; } = new();

    /// <summary>Gets how students are evaluated.</summary>
    public PlanEvaluation Evaluation { get; internal init; } = new();

    /// <summary>Gets how PGR is aggregated and the study analyzed.</summary>
    internal PlanAnalysis Analysis { get; init; } = new();

    /// <summary>Gets the assumptions of cost estimates.</summary>
    internal PlanEstimateOptions Estimate { get; init; } = new();

    /// <summary>Gets the file the plan was read from, or <see langword="null"/> for a plan the library built in memory.</summary>
    public string? SourcePath { get; internal set; }

    internal PlanLocations? Locations { get; set; }

    /// <summary>
    /// Lists every problem with the plan at once: missing or duplicate names, unknown settings, seeds or benchmarks
    /// that are missing or do not exist on disk, invalid numbers, models a metric or trainer needs but the plan lacks.
    /// </summary>
    /// <param name="additionalTrainers">Trainer names registered besides <c>command</c> and <c>precomputed</c>, or <see langword="null"/> to check only that one is named (the runner checks it against its trainer providers).</param>
    /// <returns>The problems, each with the plan file, line and JSON path where known; empty when the plan is valid.</returns>
    internal IReadOnlyList<DataError> Validate(IEnumerable<string>? additionalTrainers = null) => PlanValidator.Validate(this, additionalTrainers);

    /// <summary>Checks the plan as <see cref="Validate(IEnumerable{string}?)"/> does, with grader kinds a host registered.</summary>
    /// <param name="additionalTrainers">Trainer names registered besides the built-in ones.</param>
    /// <param name="graders">The grader kinds, including any the host added.</param>
    /// <returns>Every problem found; empty when the plan is valid.</returns>
    internal IReadOnlyList<DataError> Validate(IEnumerable<string>? additionalTrainers, GraderRegistry graders) => PlanValidator.Validate(this, additionalTrainers, graders);

    /// <summary>
    /// Gets the folder <c>agorabench run</c> uses when no run folder is given: <c>runs/&lt;name&gt;</c> beside the plan
    /// file (or under the current folder for a plan built in memory), the name lower-cased and made file-system safe,
    /// with <c>-shard-i-of-n</c> appended for a shard of a split run.
    /// </summary>
    /// <param name="shard">The shard the run does, or <see langword="default"/> for the whole plan.</param>
    /// <returns>The folder's path.</returns>
    public string DefaultRunDirectory(ShardSpec shard = default) =>
        Path.Combine(
            SourcePath is { } source ? Path.GetDirectoryName(source)! : Directory.GetCurrentDirectory(),
            "runs",
            RunDirectory.Slug(Name) + (shard.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"-shard-{shard.Number}-of-{shard.Count}") : string.Empty));
}
