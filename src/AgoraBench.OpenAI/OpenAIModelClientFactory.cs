using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgoraBench.OpenAI;

/// <summary>
/// An <see cref="IModelClientFactory"/> for OpenAI and every OpenAI-compatible server (vLLM, Ollama, LM Studio, Azure
/// OpenAI's <c>/openai/v1</c> endpoint) over the official OpenAI SDK and Microsoft.Extensions.AI.OpenAI.
/// </summary>
/// <remarks>
/// Keys are read from the environment variable each endpoint names when a client is created, and go only into the
/// SDK's credential. There is one retry owner per call: generators and evaluated models get no SDK retries (the
/// generation engine and the student evaluator retry themselves); judges and embedders keep the SDK's retries, which
/// honour <c>Retry-After</c>. Each request is abandoned after the endpoint's timeout.
/// </remarks>
public sealed class OpenAIModelClientFactory : IModelClientFactory
{
    private readonly Func<string, string?> _environment;

    /// <summary>Initializes a new instance of the <see cref="OpenAIModelClientFactory"/> class.</summary>
    /// <param name="environment">Reads environment variables, or <see langword="null"/> for the process environment.</param>
    public OpenAIModelClientFactory(Func<string, string?>? environment = null) => _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>Creates the SDK client for an endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="role">The role (generators and evaluated models get no SDK retries).</param>
    /// <returns>The client.</returns>
    /// <exception cref="DataValidationException">The endpoint is OpenAI's and its key variable is not set.</exception>
    public OpenAIClient CreateClient(ModelEndpoint endpoint, ModelRole role)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        string? variable = endpoint.KeyVariable();
        string? key = variable is null ? null : _environment(variable);
        if (string.IsNullOrEmpty(key))
        {
            if (endpoint.IsOpenAI)
            {
                throw new DataValidationException($"The environment variable {variable ?? "OPENAI_API_KEY"} is not set; it must hold the API key for {endpoint.RedactedEndpoint()} (model {endpoint.Model}).");
            }

            // Local servers (vLLM, Ollama) accept any key; the SDK needs one.
            key = "unused";
        }

        var options = new OpenAIClientOptions { NetworkTimeout = endpoint.Timeout };
        if (role is not (ModelRole.MetricJudge or ModelRole.EvaluationJudge))
        {
            options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        }

        if (endpoint.Endpoint is not null)
        {
            options.Endpoint = endpoint.Endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(key), options);
    }

    /// <inheritdoc/>
    public IChatClient CreateChatClient(ModelEndpoint endpoint, ModelRole role) => CreateClient(endpoint, role).GetChatClient(endpoint.Model).AsIChatClient();

    /// <inheritdoc/>
    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelEndpoint endpoint) =>
        CreateClient(endpoint, ModelRole.MetricJudge).GetEmbeddingClient(endpoint.Model).AsIEmbeddingGenerator();
}
