using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgoraBench.Cli.Commands;

/// <summary>Creates Microsoft.Extensions.AI clients for OpenAI-compatible endpoints; keys come only from environment variables.</summary>
internal static class EndpointClients
{
    /// <param name="endpoint">The base URL, or <see langword="null"/> for OpenAI.</param>
    /// <param name="keyVariable">The environment variable holding the key (may be unset for a non-OpenAI endpoint).</param>
    /// <param name="configure">Adjusts the client options (retries, timeout), or <see langword="null"/>.</param>
    public static OpenAIClient Create(Uri? endpoint, string keyVariable, Action<OpenAIClientOptions>? configure = null)
    {
        string? key = Environment.GetEnvironmentVariable(keyVariable);
        if (string.IsNullOrEmpty(key))
        {
            if (endpoint is null || endpoint.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase))
            {
                throw new DataValidationException($"The environment variable {keyVariable} is not set; it must hold the API key for {endpoint?.ToString() ?? "https://api.openai.com/v1"}.");
            }

            key = "unused";
        }

        var options = new OpenAIClientOptions();
        configure?.Invoke(options);
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(key), options);
    }

    public static IChatClient Chat(Uri? endpoint, string keyVariable, string model) => Create(endpoint, keyVariable).GetChatClient(model).AsIChatClient();

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(Uri? endpoint, string keyVariable, string model) =>
        Create(endpoint, keyVariable).GetEmbeddingClient(model).AsIEmbeddingGenerator();
}
