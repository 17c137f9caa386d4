namespace AgoraBench;

/// <summary>
/// How to reach a model: its id, an OpenAI-compatible base URL, the environment variable that holds its key, its price
/// and request limits. A plan names one for every generator, judge, embedder and evaluated model.
/// </summary>
/// <remarks>
/// An endpoint never holds a secret: <see cref="ApiKeyEnvironmentVariable"/> names the variable and the key is read
/// from the environment only when a client is created. Manifests and reports record the variable's name, never its value.
/// It stays a record: client factories derive per-replica endpoints with <see langword="with"/> (for example
/// <c>endpoint with { Endpoint = replica, Replicas = [] }</c>) and clients are cached per endpoint by value. The plan's
/// tokenizer and rate limits are applied by the library itself, so they are not part of the public surface.
/// </remarks>
public sealed record ModelEndpoint
{
    /// <summary>Gets the model id sent with each request, for example <c>gpt-4o-mini-2024-07-18</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the OpenAI-compatible base URL ending in <c>/v1</c> (vLLM, Ollama, LM Studio, Azure), or <see langword="null"/> for OpenAI.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Gets the environment variable that holds the API key, or <see langword="null"/> for <c>OPENAI_API_KEY</c> on OpenAI and no key elsewhere.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>Gets the price, or <see langword="null"/> when unknown (a generator of the paper gets its Table 3 price).</summary>
    internal ModelPrice? Price { get; init; }

    /// <summary>
    /// Gets the tokenizer used for estimates: <c>o200k_base</c>, <c>cl100k_base</c>, or the path of a Llama-3
    /// <c>tokenizer.model</c>; <see langword="null"/> to choose by model name.
    /// </summary>
    internal string? Tokenizer { get; init; }

    /// <summary>Gets how many requests may be in flight to this model.</summary>
    /// <value>The default value is 8.</value>
    public int Concurrency { get; init; } = 8;

    /// <summary>Gets a requests-per-minute limit, or <see langword="null"/> for none.</summary>
    internal int? RequestsPerMinute { get; init; }

    /// <summary>Gets a tokens-per-minute limit (input plus output), or <see langword="null"/> for none.</summary>
    internal int? TokensPerMinute { get; init; }

    /// <summary>Gets how long one request may take before it is abandoned and retried.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how requests reach the model: online, or through the provider's batch API (at half the price).</summary>
    /// <value>The default value is <see cref="ModelBackend.Online"/>.</value>
    public ModelBackend Backend { get; init; } = ModelBackend.Online;

    /// <summary>
    /// Gets the base URLs of several replicas of the model (vLLM or Ollama servers): calls are spread over them by
    /// least outstanding requests, <see cref="Concurrency"/> per replica, and a failing replica is ejected until it
    /// answers again. Empty for a single endpoint.
    /// </summary>
    public IReadOnlyList<Uri> Replicas { get; init; } = [];

    /// <summary>Gets the folder a batch back end keeps its state in (set by the runner for each model and role), or <see langword="null"/>.</summary>
    public string? BatchDirectory { get; init; }

    /// <summary>The batch price discount: batch requests cost half the online price at OpenAI and Azure OpenAI.</summary>
    public const decimal BatchPriceFactor = 0.5m;

    /// <summary>Gets the requests this endpoint can have in flight: <see cref="Concurrency"/> per replica.</summary>
    internal int Capacity => Concurrency * Math.Max(1, Replicas.Count);

    /// <summary>Gets the environment variable that holds the key for this endpoint, after defaults.</summary>
    /// <returns>The variable's name, or <see langword="null"/> when the endpoint needs no key.</returns>
    public string? KeyVariable() => ApiKeyEnvironmentVariable ?? (IsOpenAI ? "OPENAI_API_KEY" : null);

    /// <summary>Gets a value indicating whether the endpoint is OpenAI's own API.</summary>
    internal bool IsOpenAI => Endpoint is null || Endpoint.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Gets a value indicating whether the endpoint is a server of one's own (loopback, a private network address, or a
    /// single-label or <c>.local</c>/<c>.internal</c> host name): without a price it is counted at $0 rather than unpriced.
    /// </summary>
    internal bool IsSelfHosted
    {
        get
        {
            if (Endpoint is null)
            {
                return false;
            }

            string host = Endpoint.Host;
            if (System.Net.IPAddress.TryParse(host, out var address))
            {
                if (System.Net.IPAddress.IsLoopback(address))
                {
                    return true;
                }

                byte[] b = address.GetAddressBytes();
                return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
                    ? b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
                    : address.IsIPv6UniqueLocal || address.IsIPv6LinkLocal;
            }

            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || !host.Contains('.', StringComparison.Ordinal)
                || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Gets the endpoint as it may be recorded: without user information, query or fragment (where keys sometimes travel).</summary>
    /// <returns>The redacted URL, or <c>https://api.openai.com/v1</c> when <see cref="Endpoint"/> is <see langword="null"/>.</returns>
    public string RedactedEndpoint() => Endpoint is null
        ? "https://api.openai.com/v1"
        : new UriBuilder(Endpoint) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri.AbsoluteUri;
}
