namespace AgoraBench.OpenAI;

/// <summary>One batch a client submitted, as its state folder and (when refreshed) the API know it.</summary>
/// <param name="BatchId">The batch id.</param>
/// <param name="Status">validating, in_progress, finalizing, completed, failed, expired, cancelling or cancelled.</param>
/// <param name="Requests">Requests in the batch.</param>
/// <param name="Completed">Requests the API reports completed.</param>
/// <param name="Failed">Requests the API reports failed.</param>
/// <param name="Round">1 for a first submission, more for resubmissions.</param>
/// <param name="Collected">Whether the results were downloaded and recorded.</param>
public sealed record OpenAIBatchInfo(string BatchId, string Status, int Requests, int Completed, int Failed, int Round, bool Collected);
