namespace AgoraBench;

/// <summary>A data generator a host registered for one generator name.</summary>
internal sealed record HostDataGenerator(string Name, Func<IServiceProvider, IDataGenerator> Factory);
