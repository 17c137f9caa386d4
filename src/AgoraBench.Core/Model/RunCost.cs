namespace AgoraBench;

/// <summary>Tokens and dollars one stage spent for one generator and setting (measured from the endpoints' usage reports).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Generator">The generator, or <see langword="null"/> for study-wide spend (the base and reference models).</param>
/// <param name="Setting">The setting, or <see langword="null"/>.</param>
/// <param name="Requests">The requests made (rejected attempts included).</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="Usd">The cost in USD, or <see langword="null"/> when a model's price is unknown.</param>
public sealed record RunCost(RunStage Stage, string? Generator, AgoraBenchSetting? Setting, long Requests, long InputTokens, long OutputTokens, decimal? Usd);
