using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgoraBench;

/// <summary>Extension methods that add intrinsic metrics to an <see cref="IAgoraBenchBuilder"/>; resolve them all as <c>IEnumerable&lt;IIntrinsicMetric&gt;</c>.</summary>
public static class AgoraBenchMetricsBuilderExtensions
{
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
}
