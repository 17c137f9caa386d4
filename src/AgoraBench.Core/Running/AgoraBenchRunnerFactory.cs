using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgoraBench;

/// <summary>Creates <see cref="AgoraBenchRunner"/>s wired from a service container (register it with <c>AddRunner()</c>).</summary>
public sealed class AgoraBenchRunnerFactory
{
    private readonly IServiceProvider _services;

    /// <summary>Initializes a new instance of the <see cref="AgoraBenchRunnerFactory"/> class.</summary>
    /// <param name="services">The container.</param>
    public AgoraBenchRunnerFactory(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
    }

    /// <summary>Creates a runner for a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="runDirectory">The run folder.</param>
    /// <param name="configure">Adjusts this runner's options, or <see langword="null"/>.</param>
    /// <returns>The runner.</returns>
    /// <exception cref="ArgumentException">No <see cref="IModelClientFactory"/> is registered, or the options are invalid.</exception>
    /// <exception cref="DataValidationException">The plan is invalid; every problem is listed.</exception>
    public AgoraBenchRunner Create(AgoraBenchPlan plan, string runDirectory, Action<AgoraBenchRunnerOptions>? configure = null) =>
        new(plan, runDirectory, Options(configure));

    /// <summary>Reads and validates a plan file with what the host registered (grader kinds, benchmarks, trainers), so a plan may name them.</summary>
    /// <param name="path">The plan file.</param>
    /// <param name="configure">Adjusts the options the plan is checked with (as for <see cref="Create"/>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DataValidationException">The plan is invalid; every problem is listed.</exception>
    public Task<AgoraBenchPlan> ReadPlanAsync(string path, Action<AgoraBenchRunnerOptions>? configure = null, CancellationToken cancellationToken = default) =>
        AgoraBenchPlanFile.ReadAsync(path, Options(configure), cancellationToken);

    private AgoraBenchRunnerOptions Options(Action<AgoraBenchRunnerOptions>? configure)
    {
        var configured = _services.GetService<IOptions<AgoraBenchRunnerOptions>>()?.Value;
        var options = new AgoraBenchRunnerOptions
        {
            ClientFactory = configured?.ClientFactory ?? _services.GetService<IModelClientFactory>(),
            Trainer = configured?.Trainer ?? _services.GetService<IStudentTrainer>(),
            TrainerFactory = configured?.TrainerFactory,
            PerplexityScorer = configured?.PerplexityScorer ?? _services.GetService<ITokenLogProbabilityScorer>(),
            PgrCalculator = configured?.PgrCalculator ?? _services.GetService<IPgrCalculator>(),
            MaxParallelSteps = configured?.MaxParallelSteps ?? 1,
            FailFast = configured?.FailFast ?? false,
            TimeProvider = _services.GetService<TimeProvider>() ?? configured?.TimeProvider ?? TimeProvider.System,
            LoggerFactory = configured?.LoggerFactory ?? _services.GetService<ILoggerFactory>(),
        };
        foreach (string name in configured?.AdditionalTrainerNames ?? [])
        {
            options.AdditionalTrainerNames.Add(name);
        }

        foreach (var metric in (configured?.AdditionalMetrics ?? []).Concat(_services.GetServices<IIntrinsicMetric>()).Distinct())
        {
            options.AdditionalMetrics.Add(metric);
        }

        foreach (string kind in configured?.Graders.Kinds ?? [])
        {
            options.Graders.Add(kind, configured!.Graders.Factory(kind));
        }

        foreach (var benchmark in configured?.Benchmarks.All ?? [])
        {
            options.Benchmarks.Add(benchmark);
        }

        foreach (var (name, generator) in configured?.DataGenerators ?? new Dictionary<string, IDataGenerator>())
        {
            options.DataGenerators[name] = generator;
        }

        foreach (var hosted in _services.GetServices<HostDataGenerator>())
        {
            options.DataGenerators[hosted.Name] = hosted.Factory(_services);
        }

        configure?.Invoke(options);
        return options;
    }
}
