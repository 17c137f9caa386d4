using Microsoft.Extensions.Logging;

namespace AgoraBench;

/// <summary>What an <see cref="AgoraBenchRunner"/> plugs in: model clients, trainers, extra metrics, the PGR calculator, and how it schedules steps.</summary>
public sealed class AgoraBenchRunnerOptions
{
    /// <summary>Gets or sets the factory of every model client the plan names (required; <c>AgoraBench.OpenAI</c>'s <c>UseOpenAI()</c> sets one).</summary>
    public IModelClientFactory? ClientFactory { get; set; }

    /// <summary>Gets or sets a trainer that replaces the plan's (a host's own cluster trainer), or <see langword="null"/>.</summary>
    internal IStudentTrainer? Trainer { get; set; }

    /// <summary>
    /// Gets or sets a factory of trainers the core library does not provide, or <see langword="null"/>. It returns
    /// <see langword="null"/> for a name it does not know; prefer <see cref="TrainerProviders"/>, which plan validation knows by name.
    /// </summary>
    internal Func<PlanTraining, IStudentTrainer?>? TrainerFactory { get; set; }

    /// <summary>Gets the grader kinds benchmarks are graded with: the built-in ones and any the host adds (<c>AddGrader</c>).</summary>
    internal GraderRegistry Graders { get; } = GraderRegistry.BuiltIn.Clone();

    /// <summary>Gets benchmarks the host defines (<c>AddBenchmark</c>); a plan names them by id under <c>evaluation.benchmarks</c> with their problems file, and they win over a built-in benchmark of the same id.</summary>
    internal BenchmarkCatalog Benchmarks { get; } = new();

    /// <summary>Gets data generators the host supplies by generator name (<c>AddDataGenerator</c>); a generator of the plan without one here is run by <see cref="ChatDataGenerator"/> over its endpoint.</summary>
    internal IDictionary<string, IDataGenerator> DataGenerators { get; } = new Dictionary<string, IDataGenerator>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the trainers a plan can name besides <c>command</c> and <c>precomputed</c>, by
    /// <see cref="IStudentTrainerProvider.Name"/> (a provider package such as <c>AgoraBench.OpenAI</c> adds its own).
    /// </summary>
    public IList<IStudentTrainerProvider> TrainerProviders { get; } = [];

    /// <summary>Gets the trainer names <see cref="TrainerFactory"/> provides, accepted by plan validation.</summary>
    internal IList<string> AdditionalTrainerNames { get; } = [];

    /// <summary>Gets every trainer name a plan may use with these options besides the built-in ones.</summary>
    internal IEnumerable<string> RegisteredTrainerNames => TrainerProviders.Where(p => p is not null).Select(p => p.Name).Concat(AdditionalTrainerNames).Distinct(StringComparer.Ordinal);

    /// <summary>Finds the provider of a trainer name, or <see langword="null"/>.</summary>
    internal IStudentTrainerProvider? TrainerProvider(string name) => TrainerProviders.FirstOrDefault(p => p is not null && string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>Gets metrics computed over every dataset besides the plan's.</summary>
    internal IList<IIntrinsicMetric> AdditionalMetrics { get; } = [];

    /// <summary>Gets or sets the scorer of response perplexity (a local ONNX model, say), or <see langword="null"/> to use the plan's <c>/v1/completions</c> endpoint.</summary>
    internal ITokenLogProbabilityScorer? PerplexityScorer { get; set; }

    /// <summary>Gets or sets the PGR calculator, or <see langword="null"/> for <see cref="PgrCalculator"/>.</summary>
    internal IPgrCalculator? PgrCalculator { get; set; }

    /// <summary>Gets or sets how many independent steps of one stage run at once.</summary>
    /// <value>The default value is 1.</value>
    public int MaxParallelSteps { get; set; } = 1;

    /// <summary>
    /// Gets or sets the shard of the plan this run does: the generator × setting cells (with their metrics, export,
    /// training and student evaluations), the base and reference evaluations of each benchmark, and the generators'
    /// own evaluations are dealt out in order, so N machines running shards 1/N … N/N do every step exactly once.
    /// PGR, analysis and the report are left to a run over the merged folder (<c>agorabench merge</c>).
    /// </summary>
    /// <value>The default value is the whole plan.</value>
    public ShardSpec Shard { get; set; } = ShardSpec.Whole;

    /// <summary>Gets or sets a value indicating whether the run stops at the first failed step (otherwise independent steps go on and the failed step's dependants are blocked).</summary>
    public bool FailFast { get; set; }

    /// <summary>Gets or sets the clock of timestamps and back-off delays.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory, or <see langword="null"/> for none.</summary>
    internal ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets how environment variables are read (for the values to keep out of every file the run writes).</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Lists every problem with these options.</summary>
    /// <returns>The problems; empty when valid.</returns>
    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ClientFactory is null)
        {
            errors.Add("ClientFactory is required.");
        }

        if (MaxParallelSteps < 1)
        {
            errors.Add($"MaxParallelSteps must be at least 1 (was {MaxParallelSteps}).");
        }

        if (Shard.Count < 1 || Shard.Number < 1 || Shard.Number > Shard.Count)
        {
            errors.Add($"Shard {Shard} is not a shard; write i/N with 1 <= i <= N.");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider is required.");
        }

        if (Environment is null)
        {
            errors.Add("Environment is required.");
        }

        return errors;
    }
}
