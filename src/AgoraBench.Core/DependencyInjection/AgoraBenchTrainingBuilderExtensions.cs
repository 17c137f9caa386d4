using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgoraBench;

/// <summary>Extension methods that plug a student trainer into an <see cref="IAgoraBenchBuilder"/>.</summary>
public static class AgoraBenchTrainingBuilderExtensions
{
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
}
