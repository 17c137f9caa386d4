using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgoraBench;

/// <summary>Extension methods that add data generation to an <see cref="IAgoraBenchBuilder"/>.</summary>
public static class AgoraBenchGenerationBuilderExtensions
{
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
}
