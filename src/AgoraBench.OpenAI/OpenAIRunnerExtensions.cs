using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgoraBench.OpenAI;

/// <summary>Plugs OpenAI and OpenAI-compatible endpoints (and OpenAI fine-tuning) into an <see cref="AgoraBenchRunner"/>.</summary>
public static class OpenAIRunnerExtensions
{
    /// <summary>
    /// Sets <see cref="AgoraBenchRunnerOptions.ClientFactory"/> to an <see cref="OpenAIModelClientFactory"/> (unless one is
    /// set) and registers the <c>openai</c> trainer provider: a plan with <c>"trainer": "openai"</c> trains through the fine-tuning API
    /// at <c>training.api</c> (OpenAI by default).
    /// </summary>
    /// <param name="options">The runner options.</param>
    /// <param name="environment">Reads environment variables (keys), or <see langword="null"/> for the process environment.</param>
    /// <returns>The options, for chaining.</returns>
    public static AgoraBenchRunnerOptions UseOpenAI(this AgoraBenchRunnerOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ClientFactory ??= new OpenAIModelClientFactory(environment);
        if (!options.TrainerProviders.Any(p => p?.Name == OpenAITrainerProvider.TrainerName))
        {
            options.TrainerProviders.Add(new OpenAITrainerProvider());
        }

        return options;
    }

    /// <summary>
    /// Registers <see cref="OpenAIModelClientFactory"/> as the <see cref="IModelClientFactory"/> (unless the host registered
    /// one) and configures the runner options with <see cref="UseOpenAI"/>; resolve <see cref="AgoraBenchRunnerFactory"/>
    /// (added by <c>AddRunner()</c>) to create runners.
    /// </summary>
    /// <param name="builder">The AGORABENCH builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IAgoraBenchBuilder UseOpenAIClients(this IAgoraBenchBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IModelClientFactory>(_ => new OpenAIModelClientFactory());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStudentTrainerProvider, OpenAITrainerProvider>());
        builder.Services.Configure<AgoraBenchRunnerOptions>(o => o.UseOpenAI());
        return builder;
    }
}
