namespace AgoraBench;

/// <summary>What one generation call produced.</summary>
public sealed class GenerationOutcome
{
    /// <summary>Initializes a new instance of the <see cref="GenerationOutcome"/> class.</summary>
    /// <param name="instruction">The value of <see cref="Instruction"/>.</param>
    /// <param name="response">The value of <see cref="Response"/>.</param>
    /// <param name="rejection">The value of <see cref="Rejection"/>.</param>
    /// <param name="completion">The value of <see cref="Completion"/>.</param>
    /// <param name="finishReason">The value of <see cref="FinishReason"/>.</param>
    /// <param name="inputTokens">The value of <see cref="InputTokens"/>.</param>
    /// <param name="outputTokens">The value of <see cref="OutputTokens"/>.</param>
    public GenerationOutcome(string? instruction, string? response, GenerationRejection? rejection, string completion, string? finishReason, long inputTokens, long outputTokens)
    {
        Instruction = instruction;
        Response = response;
        Rejection = rejection;
        Completion = completion;
        FinishReason = finishReason;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
    }

    /// <summary>Gets the parsed instruction, or <see langword="null"/> when rejected.</summary>
    public string? Instruction { get; }

    /// <summary>Gets the parsed response, or <see langword="null"/> when rejected.</summary>
    public string? Response { get; }

    /// <summary>Gets why the completion was rejected, or <see langword="null"/> when accepted.</summary>
    public GenerationRejection? Rejection { get; }

    /// <summary>Gets the raw completion text.</summary>
    public string Completion { get; }

    /// <summary>Gets the finish reason the endpoint reported, or <see langword="null"/>.</summary>
    public string? FinishReason { get; }

    /// <summary>Gets the input tokens the endpoint reported (0 when it reported none).</summary>
    public long InputTokens { get; }

    /// <summary>Gets the output tokens the endpoint reported (0 when it reported none).</summary>
    public long OutputTokens { get; }

    /// <summary>Gets a value indicating whether the completion was accepted.</summary>
    public bool Accepted => Rejection is null;
}
