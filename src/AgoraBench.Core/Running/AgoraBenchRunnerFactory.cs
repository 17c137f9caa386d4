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
        // A fresh instance per runner with every Configure<AgoraBenchRunnerOptions> step applied, so nothing a host set
        // (the shard, the environment reader, graders, benchmarks …) is lost and no runner sees another's changes.
        var options = _services.GetService<IOptionsFactory<AgoraBenchRunnerOptions>>()?.Create(Microsoft.Extensions.Options.Options.DefaultName) ?? new AgoraBenchRunnerOptions();
        options.ClientFactory ??= _services.GetService<IModelClientFactory>();
        options.Trainer ??= _services.GetService<IStudentTrainer>();
        options.PerplexityScorer ??= _services.GetService<ITokenLogProbabilityScorer>();
        options.PgrCalculator ??= _services.GetService<IPgrCalculator>();
        options.LoggerFactory ??= _services.GetService<ILoggerFactory>();
        if (_services.GetService<TimeProvider>() is { } clock)
        {
            options.TimeProvider = clock;
        }

        foreach (var provider in _services.GetServices<IStudentTrainerProvider>())
        {
            if (provider is not null && options.TrainerProvider(provider.Name) is null)
            {
                options.TrainerProviders.Add(provider);
            }
        }

        foreach (var metric in _services.GetServices<IIntrinsicMetric>())
        {
            if (!options.AdditionalMetrics.Contains(metric))
            {
                options.AdditionalMetrics.Add(metric);
            }
        }

        foreach (var hosted in _services.GetServices<HostDataGenerator>())
        {
            options.DataGenerators[hosted.Name] = hosted.Factory(_services);
        }

        configure?.Invoke(options);
        return options;
    }
}
