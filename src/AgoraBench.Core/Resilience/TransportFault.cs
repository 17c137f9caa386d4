using System.ClientModel;
using System.Globalization;
using System.Net;

namespace AgoraBench;

/// <summary>
/// What a failed model call means for whoever retries it: passing (429, 408, 5xx, no response, a timeout, a lost
/// connection, a body that is not JSON) or a refusal (every other 4xx, 401 and 403 included), with the server's
/// Retry-After when it gave one. The resilience pipelines of <see cref="ModelCallRetry"/> retry only the passing kind.
/// </summary>
/// <param name="Retryable">Whether another attempt may succeed.</param>
/// <param name="RetryAfter">How long the server asked to wait, or <see langword="null"/>.</param>
/// <param name="Description">A short description for logs and messages (never the request or the key).</param>
internal sealed record TransportFault(bool Retryable, TimeSpan? RetryAfter, string Description)
{
    /// <summary>Classifies an exception from a model call; <see langword="null"/> when it is not a transport fault (a bug, a cancellation).</summary>
    public static TransportFault? Classify(Exception ex, TimeProvider time)
    {
        switch (ex)
        {
            case ClientResultException client:
                var response = client.GetRawResponse();
                TimeSpan? after = null;
                if (response is not null && response.Headers.TryGetValue("Retry-After", out string? value))
                {
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                    {
                        after = TimeSpan.FromSeconds(Math.Max(0, seconds));
                    }
                    else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                    {
                        after = date - time.GetUtcNow();
                        after = after < TimeSpan.Zero ? TimeSpan.Zero : after;
                    }
                }

                bool retryable = client.Status is 0 or 408 or 429 or >= 500;
                return new TransportFault(retryable, after, client.Status == 0 ? "no response" : $"HTTP {client.Status}");
            case HttpRequestException http:
                return new TransportFault(http.StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)http.StatusCode >= 500, null, http.StatusCode is { } code ? $"HTTP {(int)code}" : "connection failed");
            case System.Text.Json.JsonException or FormatException:
                return new TransportFault(true, null, "malformed response body");
            case TimeoutException or TaskCanceledException or IOException:
                return new TransportFault(true, null, "timeout or connection lost");
            default:
                return null;
        }
    }
}
