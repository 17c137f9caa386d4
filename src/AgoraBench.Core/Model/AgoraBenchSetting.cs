using System.Diagnostics.CodeAnalysis;

namespace AgoraBench;

/// <summary>
/// A setting: a <see cref="GenerationMethod"/> applied in a <see cref="BenchmarkDomain"/>, with its seed data and the
/// benchmarks its students are scored on. The paper's nine are built in; a declared domain has its own three.
/// </summary>
/// <remarks>
/// Instances are immutable and shared, one per method and domain, so two settings are equal exactly when they are
/// the same instance; obtain them from <see cref="AgoraBenchSettings"/> or a plan.
/// </remarks>
public sealed class AgoraBenchSetting
{
    internal AgoraBenchSetting(
        GenerationMethod method,
        BenchmarkDomain domain,
        string seedData,
        int seedDataSize,
        string seedDataDetails)
    {
        Method = method;
        Domain = domain;
        SeedData = seedData;
        SeedDataSize = seedDataSize;
        SeedDataDetails = seedDataDetails;
        Benchmarks = EvaluationBenchmarks.ForDomain(domain);
        Key = AgoraBenchNames.ToName(method) + "/" + AgoraBenchNames.ToName(domain);
    }

    /// <summary>Gets the generation method.</summary>
    public GenerationMethod Method { get; }

    /// <summary>Gets the domain.</summary>
    public BenchmarkDomain Domain { get; }

    /// <summary>Gets the stable key <c>method/domain</c>, for example <c>instance-generation/math</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the seed data the paper uses (Table 1), for example <c>GSM8K train + MATH train</c>.</summary>
    internal string SeedData { get; }

    /// <summary>Gets the number of seed instances the paper uses (Table 1).</summary>
    internal int SeedDataSize { get; }

    /// <summary>Gets a short description of how the seed data is used in a prompt.</summary>
    internal string SeedDataDetails { get; }

    /// <summary>Gets the paper's two benchmarks the setting's students are scored on; empty for a declared domain, whose plan or host names them.</summary>
    internal IReadOnlyList<EvaluationBenchmark> Benchmarks { get; }

    /// <summary>Gets the number of instances the paper generates per setting: 10,000.</summary>
    internal int GeneratedInstances { get; } = AgoraBenchConstants.InstancesPerSetting;

    /// <summary>
    /// Gets a value indicating whether the student's training set includes the seed data as well as the generated data.
    /// This is the case for instance generation (Table 1 caption).
    /// </summary>
    internal bool TrainsOnSeedData => Method == GenerationMethod.InstanceGeneration;

    /// <summary>Parses a setting key such as <c>instance-generation/math</c> (also <c>ig/math</c>, <c>quality_enhancement/general</c>, <c>instance-generation/sql</c> for a declared domain).</summary>
    /// <param name="key">The key, <c>method/domain</c>.</param>
    /// <param name="setting">The setting found.</param>
    /// <returns><see langword="true"/> when <paramref name="key"/> names a setting.</returns>
    internal static bool TryParse([NotNullWhen(true)] string? key, [NotNullWhen(true)] out AgoraBenchSetting? setting)
    {
        setting = null;
        if (key is null)
        {
            return false;
        }

        int slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !AgoraBenchNames.TryParseMethod(key[..slash], out var method)
            || !AgoraBenchNames.TryParseDomain(key[(slash + 1)..], out var domain))
        {
            return false;
        }

        setting = AgoraBenchSettings.Get(method, domain);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
