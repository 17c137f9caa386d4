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
/// honour <c>Retry-After</c>. Each request is abandoned after the endpoint's timeout. An endpoint with
/// <see cref="ModelEndpoint.Replicas"/> becomes an <see cref="EndpointPoolChatClient"/> over them (the pool moves failed
/// calls, so its replicas make no SDK retries); one with the <see cref="ModelBackend.Batch"/> back end becomes an
/// <see cref="OpenAIBatchChatClient"/> keeping its state in <see cref="ModelEndpoint.BatchDirectory"/>. When something
/// listens to <see cref="AgoraBenchTelemetry.Name"/> as a client is created (<see cref="AgoraBenchTelemetry.HasListeners"/>),
/// the client is wrapped in Microsoft.Extensions.AI's OpenTelemetry middleware under that name: one span per call in the
/// GenAI semantic conventions, without message content; otherwise nothing is added to a call.
/// </remarks>
public sealed class OpenAIModelClientFactory : IModelClientFactory
{
    private readonly Func<string, string?> _environment;
    private readonly OpenAIBatchOptions? _batchDefaults;

    /// <summary>Initializes a new instance of the <see cref="OpenAIModelClientFactory"/> class.</summary>
    /// <param name="environment">Reads environment variables, or <see langword="null"/> for the process environment.</param>
    /// <param name="batchDefaults">Batch limits and polling for batch endpoints (the state folder comes from each endpoint), or <see langword="null"/> for the defaults.</param>
    public OpenAIModelClientFactory(Func<string, string?>? environment = null, OpenAIBatchOptions? batchDefaults = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _batchDefaults = batchDefaults;
    }

    /// <summary>Creates the SDK client for an endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="role">The role (generators and evaluated models get no SDK retries).</param>
    /// <returns>The client.</returns>
    /// <exception cref="DataValidationException">The endpoint is OpenAI's and its key variable is not set.</exception>
    public OpenAIClient CreateClient(ModelEndpoint endpoint, ModelRole role) => CreateClient(endpoint, sdkRetries: role is ModelRole.MetricJudge or ModelRole.EvaluationJudge);

    private static bool IsOpenAI(ModelEndpoint endpoint) =>
        endpoint.Endpoint is null || endpoint.Endpoint.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase);

    private OpenAIClient CreateClient(ModelEndpoint endpoint, bool sdkRetries)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        string? variable = endpoint.KeyVariable();
        string? key = variable is null ? null : _environment(variable);
        if (string.IsNullOrEmpty(key))
        {
            if (IsOpenAI(endpoint))
            {
                throw new DataValidationException($"The environment variable {variable ?? "OPENAI_API_KEY"} is not set; it must hold the API key for {endpoint.RedactedEndpoint()} (model {endpoint.Model}).");
            }

            // Local servers (vLLM, Ollama) accept any key; the SDK needs one.
            key = "unused";
        }

        // No SDK logging: nothing here gives it a logger, and a pipeline without the logging policy does less per
        // request (and can never write a request's headers anywhere).
        var options = new OpenAIClientOptions { NetworkTimeout = endpoint.Timeout, ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false } };
        if (!sdkRetries)
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
    public IChatClient CreateChatClient(ModelEndpoint endpoint, ModelRole role)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Backend == ModelBackend.Batch)
        {
            string folder = endpoint.BatchDirectory ?? throw new ArgumentException($"The batch endpoint of {endpoint.Model} has no BatchDirectory to keep its state in.", nameof(endpoint));
            var options = new OpenAIBatchOptions
            {
                StateDirectory = folder,
                MaxRequestsPerBatch = _batchDefaults?.MaxRequestsPerBatch ?? 50_000,
                MaxBatchBytes = _batchDefaults?.MaxBatchBytes ?? 190L * 1024 * 1024,
                FlushDelay = _batchDefaults?.FlushDelay ?? TimeSpan.FromSeconds(2),
                PollInterval = _batchDefaults?.PollInterval ?? TimeSpan.FromSeconds(30),
                MaxPollInterval = _batchDefaults?.MaxPollInterval ?? TimeSpan.FromMinutes(5),
                CompletionWindow = _batchDefaults?.CompletionWindow ?? "24h",
                MaxRounds = _batchDefaults?.MaxRounds ?? 4,
                TimeProvider = _batchDefaults?.TimeProvider ?? TimeProvider.System,
            };

            // The batch control plane keeps the SDK's retries; the calls' own failures come back per request.
            return Observed(OpenAIBatchChatClient.OpenAsync(CreateClient(endpoint, sdkRetries: true), endpoint.Model, options, endpoint.Endpoint, endpoint.KeyVariable()).GetAwaiter().GetResult());
        }

        if (endpoint.Replicas.Count > 0)
        {
            return Observed(new EndpointPoolChatClient(
                endpoint.Replicas.Select(r => new PooledEndpoint(r.Authority, CreateClient(endpoint with { Endpoint = r, Replicas = [] }, sdkRetries: false).GetChatClient(endpoint.Model).AsIChatClient(), endpoint.Concurrency))));
        }

        return Observed(CreateClient(endpoint, role).GetChatClient(endpoint.Model).AsIChatClient());
    }

    /// <inheritdoc/>
    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelEndpoint endpoint)
    {
        var generator = CreateClient(endpoint, ModelRole.MetricJudge).GetEmbeddingClient(endpoint.Model).AsIEmbeddingGenerator();
        return AgoraBenchTelemetry.HasListeners()
            ? generator.AsBuilder().UseOpenTelemetry(sourceName: AgoraBenchTelemetry.Name, configure: o => o.EnableSensitiveData = false).Build()
            : generator;
    }

    // Only while someone listens: the middleware is an extra layer (and an allocation) on every call.
    private static IChatClient Observed(IChatClient client) => AgoraBenchTelemetry.HasListeners()
        ? client.AsBuilder().UseOpenTelemetry(sourceName: AgoraBenchTelemetry.Name, configure: o => o.EnableSensitiveData = false).Build()
        : client;
}
