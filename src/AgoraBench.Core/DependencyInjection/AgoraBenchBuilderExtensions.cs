using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgoraBench;

/// <summary>Extension methods that plug components into an <see cref="IAgoraBenchBuilder"/>.</summary>
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

    /// <summary>Adds another configuration step for <see cref="AgoraBenchOptions"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">The configuration step.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder Configure(this IAgoraBenchBuilder builder, Action<AgoraBenchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
