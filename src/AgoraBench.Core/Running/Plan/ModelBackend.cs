namespace AgoraBench;

/// <summary>How requests reach a model. Stable names: <c>online</c>, <c>batch</c>.</summary>
public enum ModelBackend
{
    /// <summary>One HTTP request per call, answered at once.</summary>
    Online = 0,

    /// <summary>The provider's batch API (OpenAI, Azure OpenAI): calls are collected into batch files, answered within the completion window, at the batch price (half the online price).</summary>
    Batch = 1,
}
