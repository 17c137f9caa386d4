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

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(Uri? endpoint, string keyVariable, string model) =>
        Factory.CreateEmbeddingGenerator(Endpoint(endpoint, keyVariable, model, null));

    private static ModelEndpoint Endpoint(Uri? endpoint, string keyVariable, string model, TimeSpan? timeout) =>
        new() { Model = model, Endpoint = endpoint, ApiKeyEnvironmentVariable = keyVariable, Timeout = timeout ?? TimeSpan.FromMinutes(5) };
}
