using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// An <see cref="IRewardModelScorer"/> over a small HTTP contract: <c>POST {endpoint}</c> with
/// <c>{"instruction": …, "response": …}</c> answers <c>{"score": number}</c>. A few lines of FastAPI around a
/// Hugging Face sequence-classification reward model serve it.
/// </summary>
public sealed class HttpRewardModelScorer : IRewardModelScorer
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    /// <summary>Initializes a new instance of the <see cref="HttpRewardModelScorer"/> class.</summary>
    /// <param name="http">The HTTP client (its lifetime is the caller's).</param>
    /// <param name="endpoint">The scoring URL.</param>
    public HttpRewardModelScorer(HttpClient http, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = http;
        _endpoint = endpoint;
    }

    /// <inheritdoc />
    public async Task<double> ScoreAsync(string instruction, string response, CancellationToken cancellationToken = default)
    {
        string body = JsonReport.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("instruction", instruction);
            json.WriteString("response", response);
            json.WriteEndObject();
        });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var answer = await _http.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
        string text = await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"The reward model answered HTTP {(int)answer.StatusCode}."), null, answer.StatusCode);
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number
            ? score.GetDouble()
            : throw new InvalidDataException("The reward model's answer has no numeric 'score'.");
    }
}
