namespace AgoraBench.OpenAI;

/// <summary>What an <see cref="OpenAIBatchChatClient"/> has done since it was opened.</summary>
/// <param name="Batches">Batches submitted.</param>
/// <param name="Submitted">Requests sent in batch files (a resubmitted request counts again).</param>
/// <param name="Succeeded">Answers collected.</param>
/// <param name="Failed">Requests that failed for good (a non-retryable error, or no rounds left).</param>
/// <param name="Requeued">Requests sent again after a per-request error, an expired batch or a retryable batch failure.</param>
/// <param name="Replayed">Requests answered from answers collected earlier (no new spend).</param>
public sealed record OpenAIBatchStatistics(int Batches, int Submitted, int Succeeded, int Failed, int Requeued, int Replayed);
