using System.Diagnostics.CodeAnalysis;

namespace AgoraBench;

/// <summary>
/// The stable text names of domains and methods, and tolerant parsing of the spellings found in the paper, the
/// reference code and its data files.
/// </summary>
/// <remarks>
/// The names returned by <see cref="ToName(BenchmarkDomain)"/> and <see cref="ToName(GenerationMethod)"/> are written
/// into files and reports and never change. Parsing is case-insensitive and treats <c>-</c>, <c>_</c> and spaces alike.
/// </remarks>
public static class AgoraBenchNames
{
    /// <summary>The name of <see cref="BenchmarkDomain.Math"/>: <c>math</c>.</summary>
    internal const string Math = "math";

    /// <summary>The name of <see cref="BenchmarkDomain.Code"/>: <c>code</c>.</summary>
    internal const string Code = "code";

    /// <summary>The name of <see cref="BenchmarkDomain.InstructionFollowing"/>: <c>instruction-following</c>.</summary>
    internal const string InstructionFollowing = "instruction-following";

    /// <summary>The name of <see cref="GenerationMethod.InstanceGeneration"/>: <c>instance-generation</c>.</summary>
    internal const string InstanceGeneration = "instance-generation";

    /// <summary>The name of <see cref="GenerationMethod.ResponseGeneration"/>: <c>response-generation</c>.</summary>
    internal const string ResponseGeneration = "response-generation";

    /// <summary>The name of <see cref="GenerationMethod.QualityEnhancement"/>: <c>quality-enhancement</c>.</summary>
    internal const string QualityEnhancement = "quality-enhancement";

    /// <summary>Gets the stable name of a domain.</summary>
    /// <param name="domain">The domain.</param>
    /// <returns><c>math</c>, <c>code</c>, <c>instruction-following</c> or the name of a declared domain.</returns>
    internal static string ToName(BenchmarkDomain domain) => domain.Name;

    /// <summary>Gets the stable name of a method.</summary>
    /// <param name="method">The method.</param>
    /// <returns><c>instance-generation</c>, <c>response-generation</c> or <c>quality-enhancement</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined value.</exception>
    public static string ToName(GenerationMethod method) => method switch
    {
        GenerationMethod.InstanceGeneration => InstanceGeneration,
        GenerationMethod.ResponseGeneration => ResponseGeneration,
        GenerationMethod.QualityEnhancement => QualityEnhancement,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method."),
    };

    /// <summary>
    /// Parses a domain name. Accepts <c>math</c>, <c>code</c>, <c>instruction-following</c> and the aliases
    /// <c>inst_following</c>, <c>inst-following</c>, <c>general</c> and <c>if</c>; any other well-formed name (see
    /// <see cref="BenchmarkDomain.IsValidName(string?)"/>) is a declared domain of that name.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="domain">The parsed domain.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a domain.</returns>
    public static bool TryParseDomain([NotNullWhen(true)] string? text, out BenchmarkDomain domain)
    {
        switch (Normalize(text))
        {
            case "math":
                domain = BenchmarkDomain.Math;
                return true;
            case "code":
                domain = BenchmarkDomain.Code;
                return true;
            case "instruction-following" or "inst-following" or "instructionfollowing" or "general" or "if":
                domain = BenchmarkDomain.InstructionFollowing;
                return true;
            default:
                if (BenchmarkDomain.IsValidName(text))
                {
                    domain = new BenchmarkDomain(text);
                    return true;
                }

                domain = default;
                return false;
        }
    }

    /// <summary>
    /// Parses a method name. Accepts the stable names, their <c>_</c> spellings and the abbreviations
    /// <c>ig</c>, <c>rg</c> and <c>qe</c>.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="method">The parsed method.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a method.</returns>
    public static bool TryParseMethod([NotNullWhen(true)] string? text, out GenerationMethod method)
    {
        switch (Normalize(text))
        {
            case "instance-generation" or "ig":
                method = GenerationMethod.InstanceGeneration;
                return true;
            case "response-generation" or "rg":
                method = GenerationMethod.ResponseGeneration;
                return true;
            case "quality-enhancement" or "qe":
                method = GenerationMethod.QualityEnhancement;
                return true;
            default:
                method = default;
                return false;
        }
    }

    /// <summary>Parses a domain name; see <see cref="TryParseDomain(string?, out BenchmarkDomain)"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The domain.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a well-formed domain name.</exception>
    internal static BenchmarkDomain ParseDomain(string text) =>
        TryParseDomain(text, out var domain)
            ? domain
            : throw new FormatException($"'{text}' is not a domain name; use {Math}, {Code}, {InstructionFollowing} or a name of letters, digits, '-', '_' or '.'.");

    /// <summary>Parses a method name; see <see cref="TryParseMethod(string?, out GenerationMethod)"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The method.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> names no method; the message lists the valid names.</exception>
    internal static GenerationMethod ParseMethod(string text) =>
        TryParseMethod(text, out var method)
            ? method
            : throw new FormatException($"'{text}' is not a method; expected one of: {InstanceGeneration}, {ResponseGeneration}, {QualityEnhancement}.");

    internal static string Normalize(string? text) =>
        text is null ? string.Empty : text.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
}
