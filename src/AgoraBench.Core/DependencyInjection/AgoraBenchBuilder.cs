using Microsoft.Extensions.DependencyInjection;

namespace AgoraBench;

internal sealed class AgoraBenchBuilder(IServiceCollection services) : IAgoraBenchBuilder
{
    public IServiceCollection Services { get; } = services;
}
