using System.Collections.Concurrent;

namespace AgoraBench;

/// <summary>The nine AGORABENCH settings (paper Table 1), and the settings of declared domains.</summary>
public static class AgoraBenchSettings
{
    private static readonly ConcurrentDictionary<(GenerationMethod, BenchmarkDomain), AgoraBenchSetting> Declared = new();

    private static readonly AgoraBenchSetting[] Grid =
    [
        new(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "GSM8K train + MATH train", 14_856,
            "3 demonstrations + 1 theme per prompt; items over 4,096 Llama-3 tokens removed"),
        new(GenerationMethod.InstanceGeneration, BenchmarkDomain.Code, "MBPP train + xP3x", 874,
            "3 demonstrations + 1 theme per prompt"),
        new(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing, "LIMA", 503,
            "3 demonstrations + 1 theme + 1 first-word trigger per prompt"),
        new(GenerationMethod.ResponseGeneration, BenchmarkDomain.Math, "Magpie-Reasoning (math)", 10_000,
            "1 seed instruction per prompt"),
        new(GenerationMethod.ResponseGeneration, BenchmarkDomain.Code, "Magpie-Reasoning (code)", 10_000,
            "1 seed instruction per prompt"),
        new(GenerationMethod.ResponseGeneration, BenchmarkDomain.InstructionFollowing, "Magpie-Pro", 10_000,
            "1 seed instruction per prompt"),
        new(GenerationMethod.QualityEnhancement, BenchmarkDomain.Math, "WebInstruct (math)", 10_000,
            "1 question/answer pair per prompt"),
        new(GenerationMethod.QualityEnhancement, BenchmarkDomain.Code, "CoNaLa", 10_000,
            "1 question/answer pair per prompt"),
        new(GenerationMethod.QualityEnhancement, BenchmarkDomain.InstructionFollowing, "WebInstruct (non-math)", 10_000,
            "1 question/answer pair per prompt"),
    ];

    /// <summary>Gets the nine settings, method-major in the paper's order (IG, RG, QE × math, code, instruction following).</summary>
    public static IReadOnlyList<AgoraBenchSetting> All { get; } = Array.AsReadOnly(Grid);

    /// <summary>Gets the three methods in the paper's order.</summary>
    internal static IReadOnlyList<GenerationMethod> Methods { get; } =
        [GenerationMethod.InstanceGeneration, GenerationMethod.ResponseGeneration, GenerationMethod.QualityEnhancement];

    /// <summary>Gets the three domains in the paper's order.</summary>
    internal static IReadOnlyList<BenchmarkDomain> Domains { get; } =
        [BenchmarkDomain.Math, BenchmarkDomain.Code, BenchmarkDomain.InstructionFollowing];

    /// <summary>Gets the setting for a method and a domain.</summary>
    /// <param name="method">The method.</param>
    /// <param name="domain">The domain: one of the paper's three, or a declared domain (then the setting has no paper seed data and no built-in benchmarks).</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined.</exception>
    internal static AgoraBenchSetting Get(GenerationMethod method, BenchmarkDomain domain)
    {
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method.");
        }

        return domain.IsBuiltIn
            ? Grid[((int)method * 3) + domain.Ordinal]
            : Declared.GetOrAdd((method, domain), static key => new AgoraBenchSetting(key.Item1, key.Item2, string.Empty, 0, string.Empty));
    }
}
