namespace AgoraBench;

/// <summary>What one generation call produced.</summary>
/// <param name="Instruction">The parsed instruction, or <see langword="null"/> when rejected.</param>
/// <param name="Response">The parsed response, or <see langword="null"/> when rejected.</param>
/// <param name="Rejection">Why the completion was rejected, or <see langword="null"/> when accepted.</param>
/// <param name="Completion">The raw completion text.</param>
/// <param name="FinishReason">The finish reason the endpoint reported, or <see langword="null"/>.</param>
/// <param name="InputTokens">The input tokens the endpoint reported (0 when it reported none).</param>
/// <param name="OutputTokens">The output tokens the endpoint reported (0 when it reported none).</param>
public sealed record GenerationOutcome(string? Instruction, string? Response, GenerationRejection? Rejection, string Completion, string? FinishReason, long InputTokens, long OutputTokens)
{
    /// <summary>Gets a value indicating whether the completion was accepted.</summary>
    public bool Accepted => Rejection is null;
}
