using Microsoft.Extensions.AI;
using AgoraBench.OpenAI;

namespace AgoraBench.Cli.Commands;

/// <summary>Creates Microsoft.Extensions.AI clients for OpenAI-compatible endpoints given on the command line; keys come only from environment variables.</summary>
internal static class EndpointClients
{
    private static readonly OpenAIModelClientFactory Factory = new();

    /// <param name="endpoint">The base URL, or <see langword="null"/> for OpenAI.</param>
    /// <param name="keyVariable">The environment variable holding the key (may be unset for a non-OpenAI endpoint).</param>
    /// <param name="model">The model id.</param>
    /// <param name="role">The model's role: generators and evaluated models get no SDK retries (the engine and the evaluator own them).</param>
    /// <param name="timeout">The per-request timeout, or <see langword="null"/> for 5 minutes.</param>
    public static IChatClient Chat(Uri? endpoint, string keyVariable, string model, ModelRole role = ModelRole.MetricJudge, TimeSpan? timeout = null) =>
        Factory.CreateChatClient(Endpoint(endpoint, keyVariable, model, timeout), role);

    /// <summary>A client for a model a plan names (for example its evaluation judge).</summary>
    /// <param name="endpoint">The plan's model entry.</param>
    /// <param name="role">The model's role.</param>
    public static IChatClient Chat(ModelEndpoint endpoint, ModelRole role) => Factory.CreateChatClient(endpoint, role);

    /// <summary>A client for one or several replicas of a model, online or through the batch API.</summary>
    /// <param name="endpoints">The base URLs (none for OpenAI; several make a pool of replicas).</param>
    /// <param name="keyVariable">The environment variable holding the key.</param>
    /// <param name="model">The model id.</param>
    /// <param name="role">The model's role.</param>
    /// <param name="concurrency">Requests in flight per replica.</param>
    /// <param name="batchDirectory">The batch state folder for the batch back end, or <see langword="null"/> for online.</param>
    /// <param name="timeout">The per-request timeout, or <see langword="null"/> for 5 minutes.</param>
    /// <param name="batchPoll">The batch back end's first poll interval, or <see langword="null"/> for 30 seconds.</param>
    /// <param name="batchFlushAt">The batch back end submits a batch as soon as this many requests wait (the caller's first wave, all sent at once), so the first batch does not depend on how fast a loaded machine queues them; the flush delay stays as a fallback.</param>
    public static IChatClient Chat(IReadOnlyList<Uri> endpoints, string keyVariable, string model, ModelRole role, int concurrency, string? batchDirectory, TimeSpan? timeout = null, TimeSpan? batchPoll = null, int? batchFlushAt = null) =>
        (batchPoll is not null || batchFlushAt is not null
            ? new OpenAIModelClientFactory(batchDefaults: BatchOptions(batchPoll, batchFlushAt))
            : Factory).CreateChatClient(
            Endpoint(endpoints.Count == 0 ? null : endpoints[0], keyVariable, model, timeout) with
            {
                Replicas = endpoints.Count > 1 ? endpoints : [],
                Concurrency = concurrency,
                Backend = batchDirectory is null ? ModelBackend.Online : ModelBackend.Batch,
                BatchDirectory = batchDirectory,
            },
            role);

    private static OpenAIBatchOptions BatchOptions(TimeSpan? batchPoll, int? flushAt)
    {
        var options = new OpenAIBatchOptions();
        if (batchPoll is { } poll)
        {
            options.PollInterval = poll;
            options.MaxPollInterval = TimeSpan.FromTicks(Math.Max(poll.Ticks, options.MaxPollInterval.Ticks));

            // Without a known first wave a short poll also shortens the collection delay (quick local runs).
            if (flushAt is null && poll < options.FlushDelay)
            {
                options.FlushDelay = poll;
            }
        }

        if (flushAt is int count)
        {
            options.MaxRequestsPerBatch = Math.Clamp(count, 1, options.MaxRequestsPerBatch);
        }

        return options;
    }

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(Uri? endpoint, string keyVariable, string model) =>
        Factory.CreateEmbeddingGenerator(Endpoint(endpoint, keyVariable, model, null));

    private static ModelEndpoint Endpoint(Uri? endpoint, string keyVariable, string model, TimeSpan? timeout) =>
        new() { Model = model, Endpoint = endpoint, ApiKeyEnvironmentVariable = keyVariable, Timeout = timeout ?? TimeSpan.FromMinutes(5) };
}
