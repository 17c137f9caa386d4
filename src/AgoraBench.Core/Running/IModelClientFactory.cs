using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// Creates the Microsoft.Extensions.AI clients a run needs from the <see cref="ModelEndpoint"/>s of its plan: one
/// <see cref="IChatClient"/> per generator, judge and evaluated model, one <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> per embedder.
/// </summary>
/// <remarks>
/// <c>AgoraBench.OpenAI</c> provides <c>OpenAIModelClientFactory</c> for OpenAI and OpenAI-compatible servers (vLLM,
/// Ollama, LM Studio); a host with other providers implements these two methods. Implementations read keys from the
/// environment variable the endpoint names, never log them, and are safe to call concurrently. The runner disposes the
/// clients it receives when the run ends.
/// </remarks>
public interface IModelClientFactory
{
    /// <summary>Creates a chat client for a model.</summary>
    /// <param name="endpoint">The model and how to reach it.</param>
    /// <param name="role">What the model is used for.</param>
    /// <returns>The client.</returns>
    /// <exception cref="DataValidationException">The endpoint needs a key and its environment variable is not set.</exception>
    IChatClient CreateChatClient(ModelEndpoint endpoint, ModelRole role);

    /// <summary>Creates an embedding generator for a model.</summary>
    /// <param name="endpoint">The model and how to reach it.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="DataValidationException">The endpoint needs a key and its environment variable is not set.</exception>
    IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelEndpoint endpoint);
}
