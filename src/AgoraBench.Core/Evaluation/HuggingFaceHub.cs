using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Fetches full benchmark sets from the Hugging Face Hub into a local cache: raw dataset files
/// (<c>/datasets/{repo}/resolve/{revision}/{path}</c>), or rows from the datasets-server (<c>/rows</c>, paged) written
/// as JSON Lines. Cached files are reused; in offline mode the network is never used.
/// </summary>
internal sealed class HuggingFaceHub
{
    private readonly HttpClient _http;
    private readonly HuggingFaceHubOptions _options;

    /// <summary>Initializes a new instance of the <see cref="HuggingFaceHub"/> class.</summary>
    /// <param name="http">The HTTP client (its lifetime is the caller's).</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    public HuggingFaceHub(HttpClient http, HuggingFaceHubOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _options = HuggingFaceHubOptionsValidator.Instance.ThrowIfInvalid(options ?? new HuggingFaceHubOptions(), nameof(options));
    }

    /// <summary>Returns the local path of a dataset file, downloading it into the cache first when it is not there.</summary>
    /// <param name="repository">The dataset repository, for example <c>openai/gsm8k</c>.</param>
    /// <param name="path">The file inside it, for example <c>main/test-00000-of-00001.parquet</c>.</param>
    /// <param name="revision">The branch, tag or commit.</param>
    /// <param name="cancellationToken">Cancels the download (nothing partial is left in the cache).</param>
    /// <returns>The cached file's path.</returns>
    /// <exception cref="InvalidOperationException">Offline and not cached, or the Hub refused the request (the status is in the message).</exception>
    public async Task<string> DownloadFileAsync(string repository, string path, string revision = "main", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string local = Path.Combine(_options.CacheDirectory, "datasets", repository.Replace('/', Path.DirectorySeparatorChar), revision, path.Replace('/', Path.DirectorySeparatorChar));
        if (File.Exists(local))
        {
            return local;
        }

        Uri url = new(_options.Endpoint, $"/datasets/{repository}/resolve/{Uri.EscapeDataString(revision)}/{path}");
        await DownloadAsync(url, local, async (response, stream) => await response.Content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return local;
    }

    /// <summary>Returns the local path of a split's rows as JSON Lines (one row object per line), fetching them page by page from the datasets-server when not cached.</summary>
    /// <param name="dataset">The dataset, for example <c>openai/gsm8k</c>.</param>
    /// <param name="config">The configuration, for example <c>main</c>.</param>
    /// <param name="split">The split, for example <c>test</c>.</param>
    /// <param name="cancellationToken">Cancels the download (nothing partial is left in the cache).</param>
    /// <returns>The cached JSON Lines file's path.</returns>
    /// <exception cref="InvalidOperationException">Offline and not cached, or the server refused a request.</exception>
    public async Task<string> DownloadRowsAsync(string dataset, string config, string split, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        ArgumentException.ThrowIfNullOrEmpty(config);
        ArgumentException.ThrowIfNullOrEmpty(split);
        string local = Path.Combine(_options.CacheDirectory, "rows", dataset.Replace('/', Path.DirectorySeparatorChar), config, split + ".jsonl");
        if (File.Exists(local))
        {
            return local;
        }

        Uri Page(int offset) => new(_options.DatasetsServer, string.Create(
            CultureInfo.InvariantCulture,
            $"/rows?dataset={Uri.EscapeDataString(dataset)}&config={Uri.EscapeDataString(config)}&split={Uri.EscapeDataString(split)}&offset={offset}&length={_options.PageSize}"));

        await DownloadAsync(Page(0), local, async (first, stream) =>
        {
            int offset = 0;
            long total = long.MaxValue;
            var response = first;
            while (true)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                if (document.RootElement.TryGetProperty("num_rows_total", out var t))
                {
                    total = t.GetInt64();
                }

                var rows = document.RootElement.GetProperty("rows");
                foreach (var row in rows.EnumerateArray())
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(row.GetProperty("row").GetRawText() + "\n"), cancellationToken).ConfigureAwait(false);
                }

                offset += rows.GetArrayLength();
                if (response != first)
                {
                    response.Dispose();
                }

                if (rows.GetArrayLength() == 0 || offset >= total)
                {
                    break;
                }

                response = await SendAsync(Page(offset), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        return local;
    }

    private async Task DownloadAsync(Uri url, string local, Func<HttpResponseMessage, Stream, Task> write, CancellationToken cancellationToken)
    {
        if (_options.Offline)
        {
            throw new InvalidOperationException($"{url} is not in the cache ({local}) and the Hub is offline (HF_HUB_OFFLINE).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        string temporary = local + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            using var response = await SendAsync(url, cancellationToken).ConfigureAwait(false);
            var stream = File.Create(temporary);
            await using (stream.ConfigureAwait(false))
            {
                await write(response, stream).ConfigureAwait(false);
            }

            File.Move(temporary, local, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (Environment.GetEnvironmentVariable(_options.TokenEnvironmentVariable) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            int status = (int)response.StatusCode;
            response.Dispose();
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The Hugging Face server answered HTTP {status} for {url}{(status is 401 or 403 ? $"; gated datasets need a token in {_options.TokenEnvironmentVariable}" : string.Empty)}."));
        }

        return response;
    }
}
