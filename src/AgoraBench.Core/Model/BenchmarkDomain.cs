namespace AgoraBench;

/// <summary>
/// The three task domains of AGORABENCH. Each domain has its own seed data, meta-prompts and two evaluation benchmarks.
/// </summary>
/// <remarks>
/// Stable names (used in files, CLI arguments and reports) are <c>math</c>, <c>code</c> and
/// <c>instruction-following</c>; see <see cref="AgoraBenchNames"/>. The reference code calls instruction following
/// <c>general</c>, which is accepted when parsing.
/// </remarks>
public enum BenchmarkDomain
{
    /// <summary>Mathematics: GSM8K and MATH.</summary>
    Math = 0,

    /// <summary>Code generation: MBPP and HumanEval.</summary>
    Code = 1,

    /// <summary>Instruction following: AlpacaEval 2.0 and Arena-Hard.</summary>
    InstructionFollowing = 2,
}
