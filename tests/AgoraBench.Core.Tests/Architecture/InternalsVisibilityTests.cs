using System.Reflection;
using System.Runtime.CompilerServices;
using AgoraBench.OpenAI;

namespace AgoraBench.Tests.Architecture;

/// <summary>
/// The packages share internals with test and benchmark assemblies only: a shipped package or the tool uses the public
/// API (and the helpers of Common/ as shared source).
/// </summary>
public sealed class InternalsVisibilityTests
{
    public static TheoryData<string> ShippedAssemblies() => new() { typeof(AgoraBenchRunner).Assembly.GetName().Name!, typeof(OpenAIModelClientFactory).Assembly.GetName().Name! };

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void InternalsVisibleTo_NamesOnlyTestsAndBenchmarks(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var friends = assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();
        Assert.NotEmpty(friends);
        var shipped = friends.Where(f => !f.EndsWith(".Tests", StringComparison.Ordinal) && f != "AgoraBench.Benchmarks").ToArray();
        Assert.True(shipped.Length == 0, $"{assemblyName} shares its internals with {string.Join(", ", shipped)}.");
    }
}
