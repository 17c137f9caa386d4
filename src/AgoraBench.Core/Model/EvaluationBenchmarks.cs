using System.Diagnostics.CodeAnalysis;

namespace AgoraBench;

/// <summary>The six benchmarks AGORABENCH scores students on, two per domain.</summary>
internal static class EvaluationBenchmarks
{
    /// <summary>GSM8K test (1,319 grade-school word problems); accuracy.</summary>
    public static EvaluationBenchmark Gsm8k { get; } = new("gsm8k", "GSM8K", BenchmarkDomain.Math, "accuracy (%)");

    /// <summary>MATH test (competition mathematics); accuracy.</summary>
    internal static EvaluationBenchmark Math { get; } = new("math", "MATH", BenchmarkDomain.Math, "accuracy (%)");

    /// <summary>MBPP test; pass@1 with greedy decoding.</summary>
    internal static EvaluationBenchmark Mbpp { get; } = new("mbpp", "MBPP", BenchmarkDomain.Code, "pass@1 (%)");

    /// <summary>HumanEval (164 problems); pass@1 with greedy decoding.</summary>
    internal static EvaluationBenchmark HumanEval { get; } = new("humaneval", "HumanEval", BenchmarkDomain.Code, "pass@1 (%)");

    /// <summary>AlpacaEval 2.0; length-controlled win rate against the GPT-4 Turbo reference.</summary>
    internal static EvaluationBenchmark AlpacaEval2 { get; } = new("alpacaeval-2.0", "AlpacaEval 2.0", BenchmarkDomain.InstructionFollowing, "length-controlled win rate (%)");

    /// <summary>Arena-Hard (v0.1); win rate against the baseline.</summary>
    internal static EvaluationBenchmark ArenaHard { get; } = new("arena-hard", "Arena-Hard", BenchmarkDomain.InstructionFollowing, "win rate (%)");

    /// <summary>Gets all six benchmarks in the paper's order (GSM8K, MATH, MBPP, HumanEval, AlpacaEval 2.0, Arena-Hard).</summary>
    internal static IReadOnlyList<EvaluationBenchmark> All { get; } = [Gsm8k, Math, Mbpp, HumanEval, AlpacaEval2, ArenaHard];

    /// <summary>Gets the paper's two benchmarks of a built-in domain.</summary>
    /// <param name="domain">The domain.</param>
    /// <returns>The domain's benchmarks, in the paper's order; empty for a declared domain, whose benchmarks its plan or host names.</returns>
    internal static IReadOnlyList<EvaluationBenchmark> ForDomain(BenchmarkDomain domain) => domain.Ordinal switch
    {
        0 => [Gsm8k, Math],
        1 => [Mbpp, HumanEval],
        2 => [AlpacaEval2, ArenaHard],
        _ => [],
    };

    /// <summary>
    /// Finds a benchmark by identifier or a common spelling (case-insensitive; <c>-</c>, <c>_</c>, <c>.</c> and spaces
    /// are ignored), for example <c>GSM8K</c>, <c>alpaca_eval_2.0</c>, <c>alpacaeval</c> or <c>Arena-Hard</c>.
    /// </summary>
    /// <param name="name">The name to look up.</param>
    /// <param name="benchmark">The benchmark found.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names one of the six benchmarks.</returns>
    internal static bool TryFind([NotNullWhen(true)] string? name, [NotNullWhen(true)] out EvaluationBenchmark? benchmark)
    {
        benchmark = Squash(name) switch
        {
            "gsm8k" => Gsm8k,
            "math" => Math,
            "mbpp" => Mbpp,
            "humaneval" => HumanEval,
            "alpacaeval20" or "alpacaeval2" or "alpacaeval" => AlpacaEval2,
            "arenahard" or "arenahardv01" or "arenahardauto" => ArenaHard,
            _ => null,
        };
        return benchmark is not null;
    }

    private static string Squash(string? name)
    {
        if (name is null)
        {
            return string.Empty;
        }

        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        int length = 0;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
