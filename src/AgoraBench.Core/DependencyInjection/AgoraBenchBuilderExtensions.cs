using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgoraBench;

/// <summary>
/// Extension methods that plug components into an <see cref="IAgoraBenchBuilder"/>: data generators, intrinsic metrics,
/// student trainers and trainer providers, own benchmarks and graders, the runner and its model client factory, and the
/// PGR calculator.
/// </summary>
public static class AgoraBenchBuilderExtensions
{
    /// <summary>Replaces the <see cref="IPgrCalculator"/> with <typeparamref name="TCalculator"/>.</summary>
    /// <typeparam name="TCalculator">The calculator type, resolved from the container.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder UsePgrCalculator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCalculator>(this IAgoraBenchBuilder builder)
        where TCalculator : class, IPgrCalculator
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IPgrCalculator, TCalculator>());
        return builder;
    }

    /// <summary>Replaces the <see cref="IPgrCalculator"/> with an instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="calculator">The calculator.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder UsePgrCalculator(this IAgoraBenchBuilder builder, IPgrCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(calculator);
        builder.Services.Replace(ServiceDescriptor.Singleton(calculator));
        return builder;
    }

    /// <summary>Adds another configuration step for <see cref="AgoraBenchOptions"/> (hosts use <c>services.Configure&lt;AgoraBenchOptions&gt;(…)</c> or <c>AddAgoraBench(configure)</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">The configuration step.</param>
    /// <returns>The builder, for chaining.</returns>
    internal static IAgoraBenchBuilder Configure(this IAgoraBenchBuilder builder, Action<AgoraBenchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="ChatDataGenerator"/> as the <see cref="IDataGenerator"/>, over the container's
    /// <see cref="IChatClient"/> (register the generator's client with its own retries off; the engine owns them).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the sampling settings, or <see langword="null"/> for the paper's.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The configured options are invalid (raised when the generator is first resolved); every problem is listed.</exception>
    public static IAgoraBenchBuilder AddChatDataGenerator(this IAgoraBenchBuilder builder, Action<ChatDataGeneratorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IDataGenerator>(services =>
        {
            var options = new ChatDataGeneratorOptions();
            configure?.Invoke(options);
            var errors = ChatDataGeneratorOptionsValidator.Instance.Problems(options);
            OptionErrors.ThrowIfAny(errors, "generator options", nameof(configure));

            return new ChatDataGenerator(services.GetRequiredService<IChatClient>(), options);
        });
        return builder;
    }

    /// <summary>Adds a metric type (once per type).</summary>
    /// <typeparam name="TMetric">The metric, resolved from the container.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder AddIntrinsicMetric<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMetric>(this IAgoraBenchBuilder builder)
        where TMetric : class, IIntrinsicMetric
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntrinsicMetric, TMetric>());
        return builder;
    }

    /// <summary>Adds a metric instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder AddIntrinsicMetric(this IAgoraBenchBuilder builder, IIntrinsicMetric metric)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(metric);
        builder.Services.AddSingleton(metric);
        return builder;
    }

    /// <summary>Registers <typeparamref name="TTrainer"/> as the <see cref="IStudentTrainer"/>, replacing any other.</summary>
    /// <typeparam name="TTrainer">The trainer type, resolved from the container.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder UseStudentTrainer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTrainer>(this IAgoraBenchBuilder builder)
        where TTrainer : class, IStudentTrainer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStudentTrainer, TTrainer>());
        return builder;
    }

    /// <summary>Registers a trainer instance as the <see cref="IStudentTrainer"/>, replacing any other.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="trainer">The trainer.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder UseStudentTrainer(this IAgoraBenchBuilder builder, IStudentTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(trainer);
        builder.Services.Replace(ServiceDescriptor.Singleton(trainer));
        return builder;
    }

    /// <summary>
    /// Registers a trainer provider: a plan whose <c>training.trainer</c> is <see cref="IStudentTrainerProvider.Name"/>
    /// trains through it. A provider of the same name registered earlier is kept.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder AddStudentTrainerProvider(this IAgoraBenchBuilder builder, IStudentTrainerProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        builder.Services.AddSingleton(provider);
        return builder;
    }

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

    /// <summary>
    /// Registers <see cref="AgoraBenchRunnerFactory"/>, which creates <see cref="AgoraBenchRunner"/>s from the container:
    /// the <see cref="IModelClientFactory"/>, a replaced <see cref="IStudentTrainer"/> (<c>UseStudentTrainer</c>), every
    /// <see cref="IIntrinsicMetric"/> added with <c>AddIntrinsicMetric</c>, the <see cref="IPgrCalculator"/>, the logger
    /// factory and time provider when registered, and <see cref="AgoraBenchRunnerOptions"/> configured with
    /// <c>services.Configure&lt;AgoraBenchRunnerOptions&gt;</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the runner options, or <see langword="null"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder AddRunner(this IAgoraBenchBuilder builder, Action<AgoraBenchRunnerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AgoraBenchRunnerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton<AgoraBenchRunnerFactory>();
        return builder;
    }

    /// <summary>Registers the <see cref="IModelClientFactory"/> the runner creates its clients with.</summary>
    /// <typeparam name="TFactory">The factory type, resolved from the container.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder UseModelClientFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFactory>(this IAgoraBenchBuilder builder)
        where TFactory : class, IModelClientFactory
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IModelClientFactory, TFactory>());
        return builder;
    }
}
