using Microsoft.Extensions.DependencyInjection;

namespace AgoraBench;

/// <summary>
/// Extension methods that let a host bring its own task pieces to the runner: grader kinds, benchmarks and data
/// generators. The runner created by <see cref="AgoraBenchRunnerFactory"/> uses them beside the built-in ones.
/// </summary>
public static class AgoraBenchTaskBuilderExtensions
{
    /// <summary>Adds a grader kind that plans and benchmarks can name as <c>"kind"</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="kind">The kind's name.</param>
    /// <param name="factory">Creates the grader from its options; throws <see cref="DataValidationException"/> listing every bad option.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder AddGrader(this IAgoraBenchBuilder builder, string kind, Func<GraderSpec, GraderContext, IBenchmarkGrader> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Configure<AgoraBenchRunnerOptions>(options => options.Graders.Add(kind, factory));
        return builder;
    }

    /// <summary>Adds a benchmark; a plan uses it by listing its id in a domain's <c>benchmarks</c> and under <c>evaluation.benchmarks</c> with its problems file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="benchmark">The benchmark.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder AddBenchmark(this IAgoraBenchBuilder builder, BenchmarkDefinition benchmark)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(benchmark);
        builder.Services.Configure<AgoraBenchRunnerOptions>(options => options.Benchmarks.Add(benchmark));
        return builder;
    }

    /// <summary>Supplies the data generator of one of the plan's generators (by its <c>name</c>), instead of the chat generator over its endpoint.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="generatorName">The generator's name in the plan.</param>
    /// <param name="factory">Creates the generator from the container.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder AddDataGenerator(this IAgoraBenchBuilder builder, string generatorName, Func<IServiceProvider, IDataGenerator> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(generatorName);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(new HostDataGenerator(generatorName, factory));
        return builder;
    }
}
