namespace AgoraBench;

/// <summary>Turns one filled meta-prompt into one candidate instance (or a rejection). Transport failures are thrown, so the caller owns retries.</summary>
public interface IDataGenerator
{
    /// <summary>Sends one prompt to the generator and parses and validates the completion.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The outcome: an instance or a rejection, with the raw completion and token usage.</returns>
    Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);
}
