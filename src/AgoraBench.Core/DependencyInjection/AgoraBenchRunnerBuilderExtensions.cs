using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgoraBench;

/// <summary>Extension methods that add the end-to-end runner to an <see cref="IAgoraBenchBuilder"/>.</summary>
public static class AgoraBenchRunnerBuilderExtensions
{
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
