using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// An <see cref="ITokenLogProbabilityScorer"/> over an OpenAI-compatible <c>/v1/completions</c> endpoint as vLLM serves
/// it: the context and continuation are sent as one prompt with <c>echo: true</c> and <c>logprobs: 1</c>, and the
/// continuation's tokens are those whose <c>text_offset</c> falls at or after the end of the context.
/// </summary>
/// <remarks>
/// A token that straddles the boundary belongs to the context. The token the server generates after the prompt is
/// ignored. HTTP 429, 5xx and network errors are retried with doubling delays; other errors throw
/// <see cref="HttpRequestException"/>. The API key is read from the environment and only sent in the header.
/// </remarks>
public sealed class CompletionsLogProbabilityScorer : ITokenLogProbabilityScorer
{
    private readonly HttpClient _http;
    private readonly CompletionsLogProbabilityScorerOptions _options;
    private readonly Uri _url;

    /// <summary>Initializes a new instance of the <see cref="CompletionsLogProbabilityScorer"/> class.</summary>
    /// <param name="http">The HTTP client (its lifetime is the caller's).</param>
    /// <param name="options">The options.</param>
    public CompletionsLogProbabilityScorer(HttpClient http, CompletionsLogProbabilityScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        CompletionsLogProbabilityScorerOptionsValidator.Instance.ThrowIfInvalid(options, nameof(options));
        _http = http;
        _options = options;
        string baseUrl = options.Endpoint.AbsoluteUri.TrimEnd('/');
        _url = new Uri(baseUrl + "/completions");
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

        for (int attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (_options.ApiKeyEnvironmentVariable is { } variable && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } key)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < _options.MaxRetries)
            {
                await Task.Delay(Delay(attempt), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                if ((response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500) && attempt < _options.MaxRetries)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? Delay(attempt), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"The completions endpoint answered HTTP {(int)response.StatusCode}: {Shorten(text)}", null, response.StatusCode);
                }

                return Parse(text, context.Length, prompt.Length);
            }
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

    private TimeSpan Delay(int attempt) => TimeSpan.FromTicks(_options.RetryDelay.Ticks << Math.Min(attempt, 10));

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
