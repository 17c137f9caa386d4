namespace AgoraBench;

/// <summary>A generator evaluated in the paper, with its API prices and summary scores as printed in Table 3.</summary>
/// <param name="Name">The name the paper prints, for example <c>GPT-4o</c>.</param>
/// <param name="ModelId">The model identifier the paper names, for example <c>gpt-4o-2024-08-06</c>.</param>
/// <param name="InputUsdPerMillionTokens">The API price of input tokens in USD per million tokens (openrouter.ai, as printed).</param>
/// <param name="OutputUsdPerMillionTokens">The API price of output tokens in USD per million tokens.</param>
/// <param name="ProblemSolvingAverage">The printed average of the generator's six benchmark scores (Table 7 "Average").</param>
/// <param name="OverallPgr">The printed AGORABENCH average PGR (Table 3), rounded to one decimal.</param>
public sealed record PublishedGenerator(
    string Name,
    string ModelId,
    double InputUsdPerMillionTokens,
    double OutputUsdPerMillionTokens,
    double ProblemSolvingAverage,
    double OverallPgr);
