using Microsoft.Extensions.DependencyInjection;

namespace AgoraBench;

/// <summary>Configures the AGORABENCH services registered by <c>AddAgoraBench</c>.</summary>
/// <remarks>Extension methods in <see cref="AgoraBenchBuilderExtensions"/> add or replace components.</remarks>
public interface IAgoraBenchBuilder
{
    /// <summary>Gets the service collection the AGORABENCH services are registered in.</summary>
    IServiceCollection Services { get; }
}
