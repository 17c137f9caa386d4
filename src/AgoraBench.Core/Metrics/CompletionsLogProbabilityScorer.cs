using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;

namespace AgoraBench;

/// <summary>
/// An <see cref="ITokenLogProbabilityScorer"/> over an OpenAI-compatible <c>/v1/completions</c> endpoint as vLLM serves
/// it: the context and continuation are sent as one prompt with <c>echo: true</c> and <c>logprobs: 1</c>, and the
/// continuation's tokens are those whose <c>text_offset</c> falls at or after the end of the context.
/// </summary>
/// <remarks>
/// A token that straddles the boundary belongs to the context. The token the server generates after the prompt is
/// ignored. Network errors, HTTP 408, 429 (after its <c>Retry-After</c>) and 5xx are retried by the resilience
/// pipeline <c>AgoraBench.LogProbabilityScoring</c> with doubling delays and jitter; other errors are never retried and
/// throw <see cref="HttpRequestException"/> with the status and the server's message. The API key is read from the environment and only sent in the header.
/// </remarks>
public sealed class CompletionsLogProbabilityScorer : ITokenLogProbabilityScorer
{
    private readonly HttpClient _http;
    private readonly CompletionsLogProbabilityScorerOptions _options;
    private readonly Uri _url;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Initializes a new instance of the <see cref="CompletionsLogProbabilityScorer"/> class.</summary>
    /// <param name="http">The HTTP client (its lifetime is the caller's).</param>
    /// <param name="endpoint">The OpenAI-compatible base URL, ending in <c>/v1</c> (for example a vLLM server).</param>
    /// <param name="model">The model name, for example <c>meta-llama/Llama-3.1-8B</c> (the paper scores with the base student).</param>
    /// <param name="apiKeyEnvironmentVariable">The environment variable holding the API key, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The endpoint is not an absolute URL or the model is empty (every problem is named).</exception>
    public CompletionsLogProbabilityScorer(HttpClient http, Uri endpoint, string model, string? apiKeyEnvironmentVariable = null)
        : this(http, new CompletionsLogProbabilityScorerOptions { Endpoint = endpoint, Model = model, ApiKeyEnvironmentVariable = apiKeyEnvironmentVariable })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CompletionsLogProbabilityScorer"/> class.</summary>
    /// <param name="http">The HTTP client (its lifetime is the caller's).</param>
    /// <param name="options">The options (the retry settings are the library's defaults unless a test changes them).</param>
    internal CompletionsLogProbabilityScorer(HttpClient http, CompletionsLogProbabilityScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        CompletionsLogProbabilityScorerOptionsValidator.Instance.ThrowIfInvalid(options, nameof(options));
        _http = http;
        _options = options;
        string baseUrl = options.Endpoint.AbsoluteUri.TrimEnd('/');
        _url = new Uri(baseUrl + "/completions");
        _pipeline = Pipeline(options);
    }

    /// <inheritdoc />
    public async Task<TokenLogProbabilities> ScoreAsync(string context, string continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        string prompt = context + continuation;
        string body = JsonReport.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("model", _options.Model);
            json.WriteString("prompt", prompt);
            json.WriteNumber("max_tokens", _options.MaxTokens);
            json.WriteBoolean("echo", true);
            json.WriteNumber("logprobs", 1);
            json.WriteNumber("temperature", 0);
            json.WriteEndObject();
        });

        // The pipeline retries network errors, 408, 429 (after its Retry-After) and 5xx; the last answer comes back as it is.
        var response = await _pipeline.ExecuteAsync(static (call, ct) => call.Scorer.SendAsync(call.Body, ct), (Scorer: this, Body: body), cancellationToken).ConfigureAwait(false);
        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The completions endpoint answered HTTP {(int)response.StatusCode}: {Shorten(text)}", null, response.StatusCode);
            }

            return Parse(text, context.Length, prompt.Length);
        }
    }

    internal static TokenLogProbabilities Parse(string json, int boundary, int promptLength)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var logprobs = root.GetProperty("choices")[0].GetProperty("logprobs");
        var offsets = logprobs.GetProperty("text_offset");
        var values = logprobs.GetProperty("token_logprobs");
        var result = new List<double>();
        for (int i = 0; i < offsets.GetArrayLength(); i++)
        {
            int offset = offsets[i].GetInt32();
            if (offset >= promptLength)
            {
                break;
            }

            if (offset < boundary)
            {
                continue;
            }

            if (values[i].ValueKind != JsonValueKind.Number)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The endpoint returned no log-probability for continuation token {i}."));
            }

            result.Add(values[i].GetDouble());
        }

        long tokens = root.TryGetProperty("usage", out var usage) && usage.TryGetProperty("prompt_tokens", out var p) ? p.GetInt64() : 0;
        return new TokenLogProbabilities(result, tokens);
    }

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(CompletionsLogProbabilityScorerOptions options)
    {
        var builder = ModelCallRetry.Builder<HttpResponseMessage>(ModelCallRetry.LogProbabilityScoring, options.TimeProvider, null);
        if (options.MaxRetries > 0)
        {
            var retry = ModelCallRetry.Options<HttpResponseMessage>(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay, options.TimeProvider);
            retry.ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result is { } answer
                ? ModelCallRetry.IsPassing(answer.StatusCode)
                : ModelCallRetry.IsPassing(args.Outcome.Exception, options.TimeProvider, args.Context.CancellationToken));
            retry.DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } answer ? ModelCallRetry.RetryAfter(answer, options.TimeProvider, options.MaxRetryDelay) : null);
            retry.OnRetry = static args =>
            {
                args.Outcome.Result?.Dispose();
                return default;
            };
            builder.AddRetry(retry);
        }

        return builder.Build();
    }

    private async ValueTask<HttpResponseMessage> SendAsync(string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (_options.ApiKeyEnvironmentVariable is { } variable && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
