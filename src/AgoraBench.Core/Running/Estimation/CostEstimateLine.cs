namespace AgoraBench;

/// <summary>The expected requests, tokens and dollars of one part of a plan, before anything is spent.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Generator">The generator the spend is for, or <see langword="null"/> for study-wide spend (base and reference models).</param>
/// <param name="Setting">The setting, or <see langword="null"/>.</param>
/// <param name="Item">What is paid for, for example <c>generation</c>, <c>response-quality judge</c>, <c>student on gsm8k</c>.</param>
/// <param name="Model">The model that is paid.</param>
/// <param name="Requests">The expected requests (for training: jobs).</param>
/// <param name="InputTokens">The expected input tokens (for training: tokens trained on, examples × epochs).</param>
/// <param name="OutputTokens">The expected output tokens.</param>
/// <param name="Usd">The expected cost in USD, or <see langword="null"/> when the model's price is unknown.</param>
/// <param name="Tokenizer">The encoding the tokens were counted with (<c>o200k_base</c>, <c>cl100k_base</c> or a Llama-3 file), with <c>≈</c> when it only approximates the model's own.</param>
public sealed record CostEstimateLine(
    RunStage Stage,
    string? Generator,
    AgoraBenchSetting? Setting,
    string Item,
    string Model,
    long Requests,
    long InputTokens,
    long OutputTokens,
    decimal? Usd,
    string Tokenizer);
