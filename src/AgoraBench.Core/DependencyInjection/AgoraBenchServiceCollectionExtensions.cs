using AgoraBench;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AGORABENCH services.</summary>
public static class AgoraBenchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the AGORABENCH services: <see cref="AgoraBenchOptions"/> (validated on start, every problem reported
    /// at once) and the default <see cref="IPgrCalculator"/>. Defaults are added with <c>TryAdd</c>, so a host's own
    /// registrations win.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> to keep the paper's defaults.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <remarks>
    /// A host built with <c>Microsoft.Extensions.Hosting</c> validates the options when it starts. Without a host,
    /// validation happens on first use of <c>IOptions&lt;AgoraBenchOptions&gt;.Value</c> and throws an
    /// <see cref="OptionsValidationException"/> whose <c>Failures</c> list every problem.
    /// </remarks>
    public static IAgoraBenchBuilder AddAgoraBench(this IServiceCollection services, Action<AgoraBenchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AgoraBenchOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgoraBenchOptions>, AgoraBenchOptionsValidator>());
        services.TryAddSingleton<IPgrCalculator>(sp => new PgrCalculator(sp.GetRequiredService<IOptions<AgoraBenchOptions>>().Value.Pgr));
        return new AgoraBenchBuilder(services);
    }
}
