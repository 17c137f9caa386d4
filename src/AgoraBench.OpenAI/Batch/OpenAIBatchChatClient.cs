using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using global::OpenAI;
using global::OpenAI.Batch;
using global::OpenAI.Files;

namespace AgoraBench.OpenAI;

/// <summary>
/// An <see cref="IChatClient"/> over the OpenAI Batch API (half the price of online requests; Azure OpenAI's is the
/// same shape): each call is queued, queued calls are written into batch files within the API's limits, uploaded and
/// submitted as batches, and every call completes when its batch's output file is collected. Anything that takes an
/// <see cref="IChatClient"/> — the generation engine, the judges, the student evaluator — runs in batch mode unchanged;
/// give it enough concurrency to queue all its requests at once.
/// </summary>
/// <remarks>
/// <para>
/// Every request gets a stable <c>custom_id</c> (the hash of the model, messages and sampling options, and how many
/// times the same request was asked before in this session), so results map back exactly and an identical re-ask
/// after a rejected answer is a new request. The state folder records each submitted batch and every collected answer
/// as it arrives: a restarted process re-attaches to batches still running instead of paying for them again, and
/// answers already collected are replayed.
/// </para>
/// <para>
/// Per-request errors that can pass (429, 5xx) and requests an expired batch left unprocessed go into the next
/// batch, up to <see cref="OpenAIBatchOptions.MaxRounds"/>; other errors fail their call with an
/// <see cref="HttpRequestException"/> carrying the status code, as an online call would. A batch cancelled through
/// <see cref="CancelAsync"/> (or <c>agorabench batch cancel</c>) fails its waiting calls with status 499. Streaming is not
/// supported. Thread-safe.
/// </para>
/// </remarks>
public sealed class OpenAIBatchChatClient : IChatClient, IAsyncDisposable
{
    private const string ChatCompletionsPath = "/v1/chat/completions";
    private static readonly string[] RetryableBatchErrors = ["token_limit_exceeded", "rate_limit_exceeded", "server_error", "timeout"];

    private readonly BatchClient _batches;
    private readonly OpenAIFileClient _files;
    private readonly string _model;
    private readonly OpenAIBatchOptions _options;
    private readonly Uri? _endpoint;
    private readonly JsonLinesAppendFile _log;
    private readonly JsonLinesAppendFile _results;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredAnswer> _answers;
    private readonly Dictionary<string, BatchRecord> _records;
    private readonly Dictionary<string, int> _asked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pending> _waiting = new(StringComparer.Ordinal);
    private readonly List<Pending> _queue = [];
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _poller;
    private Task? _flushTimer;
    private int _batchCount;
    private int _submitted;
    private int _succeeded;
    private int _failed;
    private int _requeued;
    private int _replayed;

    private OpenAIBatchChatClient(OpenAIClient client, string model, OpenAIBatchOptions options, Uri? endpoint, JsonLinesAppendFile log, JsonLinesAppendFile results, Dictionary<string, BatchRecord> records, Dictionary<string, StoredAnswer> answers)
    {
        _batches = client.GetBatchClient();
        _files = client.GetOpenAIFileClient();
        _model = model;
        _options = options;
        _endpoint = endpoint;
        _log = log;
        _results = results;
        _records = records;
        _answers = answers;
    }

    /// <summary>Gets what the client has done since it was opened.</summary>
    public OpenAIBatchStatistics Statistics => new(Volatile.Read(ref _batchCount), Volatile.Read(ref _submitted), Volatile.Read(ref _succeeded), Volatile.Read(ref _failed), Volatile.Read(ref _requeued), Volatile.Read(ref _replayed));

    /// <summary>Opens a batch client on a state folder, re-attaching to the batches it records as still open.</summary>
    /// <param name="client">The OpenAI (or Azure OpenAI) client that uploads files and creates batches.</param>
    /// <param name="model">The model id sent with each request unless <see cref="ChatOptions.ModelId"/> names another.</param>
    /// <param name="options">The state folder and limits.</param>
    /// <param name="endpoint">The API's base URL, recorded (without credentials) so <c>agorabench batch</c> can reach it again; <see langword="null"/> for OpenAI.</param>
    /// <param name="apiKeyVariable">The environment variable holding the key, recorded by name for <c>agorabench batch</c>.</param>
    /// <param name="cancellationToken">Cancels reading the state.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="DataValidationException">A line of the state files is damaged (the file and line are named).</exception>
    public static async Task<OpenAIBatchChatClient> OpenAsync(OpenAIClient client, string model, OpenAIBatchOptions options, Uri? endpoint = null, string? apiKeyVariable = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(options);
        if (OpenAIBatchOptionsValidator.Instance.Validate(null, options) is { Failed: true } result)
        {
            throw new ArgumentException("Invalid batch options:" + Environment.NewLine + string.Join(Environment.NewLine, result.Failures.Select(p => " - " + p)), nameof(options));
        }

        string folder = Path.GetFullPath(options.StateDirectory);
        Directory.CreateDirectory(folder);
        var state = new BatchStateDocument
        {
            Model = model,
            Endpoint = new ModelEndpoint { Model = model, Endpoint = endpoint }.RedactedEndpoint(),
            ApiKeyEnv = apiKeyVariable ?? DefaultKeyVariable,
        };
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, StateFile), ArtefactJson.Write(state, BatchJsonContext.Default.BatchStateDocument), cancellationToken).ConfigureAwait(false);

        var records = new Dictionary<string, BatchRecord>(StringComparer.Ordinal);
        var log = await JsonLinesAppendFile.OpenAsync(Path.Combine(folder, BatchesFile), root => Apply(records, root), "a batch record", cancellationToken).ConfigureAwait(false);
        var answers = new Dictionary<string, StoredAnswer>(StringComparer.Ordinal);
        var results = await JsonLinesAppendFile.OpenAsync(
            Path.Combine(folder, ResultsFile),
            root =>
            {
                var line = root.Deserialize(BatchJsonContext.Default.BatchAnswerLine) ?? throw new FormatException("the line is null");
                answers[line.CustomId] = new StoredAnswer(line.Text, line.FinishReason, line.Model, line.InputTokens, line.OutputTokens);
            },
            "a batch answer",
            cancellationToken).ConfigureAwait(false);
        var batchClient = new OpenAIBatchChatClient(client, model, options, endpoint, log, results, records, answers);
        if (records.Values.Any(r => !r.Collected))
        {
            batchClient.EnsurePolling();
        }

        return batchClient;
    }

    /// <summary>Opens the batch client a state folder records (model, the API's address, the key's variable), as <c>agorabench batch</c> does to list or cancel its batches.</summary>
    /// <param name="stateDirectory">The state folder (it holds <c>state.json</c>).</param>
    /// <param name="environment">Reads environment variables (the API key); <see langword="null"/> for the process environment.</param>
    /// <param name="cancellationToken">Cancels reading the state.</param>
    /// <returns>The client, re-attached to the batches the folder records as still open.</returns>
    /// <exception cref="DataValidationException">The state files are missing or damaged (the file, line and field are named).</exception>
    public static async Task<OpenAIBatchChatClient> OpenFromStateAsync(string stateDirectory, Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        string path = Path.Combine(Path.GetFullPath(stateDirectory), StateFile);
        if (!File.Exists(path))
        {
            throw new DataValidationException([new DataError(path, null, null, "the batch state file does not exist")]);
        }

        var state = await ArtefactJson.ReadFileAsync(path, BatchJsonContext.Default.BatchStateDocument, cancellationToken).ConfigureAwait(false);
        Uri? endpoint = null;
        if (state.Endpoint is { } text && !text.StartsWith("https://api.openai.com", StringComparison.Ordinal)
            && !Uri.TryCreate(text, UriKind.Absolute, out endpoint))
        {
            throw new DataValidationException([new DataError(path, null, "endpoint", $"'{text}' is not an absolute URL")]);
        }

        string keyVariable = state.ApiKeyEnv ?? DefaultKeyVariable;
        var client = new OpenAIModelClientFactory(environment).CreateClient(new ModelEndpoint { Model = state.Model, Endpoint = endpoint, ApiKeyEnvironmentVariable = keyVariable }, ModelRole.MetricJudge);
        return await OpenAsync(client, state.Model, new OpenAIBatchOptions { StateDirectory = stateDirectory }, endpoint, keyVariable, cancellationToken).ConfigureAwait(false);
    }

    internal const string StateFile = "state.json";
    private const string DefaultKeyVariable = "OPENAI_API_KEY";
    internal const string BatchesFile = "batches.jsonl";
    internal const string ResultsFile = "results.jsonl";

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        string model = options?.ModelId ?? _model;
        string key = ChatRequestKey.Compute(model, list, options);
        Pending pending;
        bool attached;
        lock (_gate)
        {
            int asked = _asked.GetValueOrDefault(key);
            _asked[key] = asked + 1;
            string id = string.Create(CultureInfo.InvariantCulture, $"{key[..40]}-{asked}");
            if (_answers.TryGetValue(id, out var answer))
            {
                _replayed++;
                return answer.ToResponse(model);
            }

            pending = new Pending(id, () => RequestLine(id, model, list, options));
            _waiting[id] = pending;
            attached = _records.Values.Any(r => !r.Collected && r.Ids.Contains(id));
            if (!attached)
            {
                _queue.Add(pending);
            }
        }

        if (attached)
        {
            EnsurePolling();
        }
        else
        {
            ScheduleFlush();
        }

        using (cancellationToken.Register(() => Abandon(pending, cancellationToken)))
        {
            return await pending.Completion.Task.ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The Batch API answers whole responses hours later; use GetResponseAsync.");

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai-batch", _endpoint, _model)
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Submits the queued requests now instead of after <see cref="OpenAIBatchOptions.FlushDelay"/>.</summary>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>A task that completes when the queued requests are submitted.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                List<Pending> chunk;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        return;
                    }

                    int take = 0;
                    long bytes = 0;
                    while (take < _queue.Count && take < _options.MaxRequestsPerBatch && (take == 0 || bytes + _queue[take].Line.Length <= _options.MaxBatchBytes))
                    {
                        bytes += _queue[take].Line.Length;
                        take++;
                    }

                    chunk = _queue.GetRange(0, take);
                    _queue.RemoveRange(0, take);
                }

                await SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>Lists the batches this state folder records, optionally asking the API for each open one's current status.</summary>
    /// <param name="refresh">Whether to ask the API about open batches.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The batches, oldest first.</returns>
    public async Task<IReadOnlyList<OpenAIBatchInfo>> GetBatchesAsync(bool refresh = true, CancellationToken cancellationToken = default)
    {
        BatchRecord[] records;
        lock (_gate)
        {
            records = [.. _records.Values.OrderBy(r => r.Sequence)];
        }

        var list = new List<OpenAIBatchInfo>();
        foreach (var record in records)
        {
            if (refresh && !record.Collected)
            {
                var status = await GetStatusAsync(record.Id, cancellationToken).ConfigureAwait(false);
                list.Add(new OpenAIBatchInfo(record.Id, status.Status, record.Ids.Count, status.Completed, status.Failed, record.Round, false));
            }
            else
            {
                list.Add(new OpenAIBatchInfo(record.Id, record.Status ?? "submitted", record.Ids.Count, record.Completed, record.FailedCount, record.Round, record.Collected));
            }
        }

        return list;
    }

    /// <summary>Cancels every batch still open: the API stops them and keeps what they finished, which is collected; waiting calls fail with status 499.</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The ids of the batches asked to cancel.</returns>
    public async Task<IReadOnlyList<string>> CancelAsync(CancellationToken cancellationToken = default)
    {
        string[] open;
        lock (_gate)
        {
            open = [.. _records.Values.Where(r => !r.Collected).Select(r => r.Id)];
            foreach (var pending in _queue)
            {
                Fail(pending, new HttpRequestException("The batch was cancelled before it was submitted.", null, (HttpStatusCode)499));
            }

            _queue.Clear();
        }

        foreach (string id in open)
        {
            var operation = await CreateBatchOperation.RehydrateAsync(_batches, id, cancellationToken).ConfigureAwait(false);
            await operation.CancelAsync(new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
            await AppendAsync(new BatchCancelRequestedEvent { Batch = id, At = Now() }, BatchJsonContext.Default.BatchCancelRequestedEvent).ConfigureAwait(false);
        }

        EnsurePolling();
        return open;
    }

    /// <summary>Waits until no batch of this client is open (all collected), polling as configured.</summary>
    /// <param name="cancellationToken">Stops waiting; the batches go on.</param>
    /// <returns>A task that completes when every batch is collected.</returns>
    public async Task WaitForOpenBatchesAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_records.Values.All(r => r.Collected) && _queue.Count == 0)
                {
                    return;
                }
            }

            EnsurePolling();
            await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _log.Dispose();
        _results.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_poller is { } poller)
        {
            try
            {
                await poller.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the batches go on at the API and the next client re-attaches to them.
            }
        }

        await _log.DisposeAsync().ConfigureAwait(false);
        await _results.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private static void Apply(Dictionary<string, BatchRecord> records, JsonElement root)
    {
        var line = root.Deserialize(BatchJsonContext.Default.BatchEventLine) ?? throw new FormatException("the line is null");
        switch (line.Event)
        {
            case BatchEventLine.Submitted:
                records[line.Batch] = new BatchRecord(
                    line.Batch,
                    line.Round ?? throw new FormatException("a submitted event has no 'round'"),
                    [.. line.Ids ?? throw new FormatException("a submitted event has no 'ids'")],
                    records.Count);
                break;
            case BatchEventLine.Finished when records.TryGetValue(line.Batch, out var finished):
                finished.Status = line.Status ?? throw new FormatException("a finished event has no 'status'");
                finished.Completed = line.Completed ?? 0;
                finished.FailedCount = line.Failed ?? 0;
                finished.Collected = true;
                break;
        }
    }

    private static byte[] RequestLine(string id, string model, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("custom_id", id);
            json.WriteString("method", "POST");
            json.WriteString("url", ChatCompletionsPath);
            json.WriteStartObject("body");
            json.WriteString("model", model);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteString("content", message.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (options?.Temperature is float temperature)
            {
                json.WriteNumber("temperature", temperature);
            }

            if (options?.TopP is float topP)
            {
                json.WriteNumber("top_p", topP);
            }

            if (options?.MaxOutputTokens is int max)
            {
                json.WriteNumber("max_completion_tokens", max);
            }

            if (options?.Seed is long seed)
            {
                json.WriteNumber("seed", seed);
            }

            if (options?.StopSequences is { Count: > 0 } stops)
            {
                json.WriteStartArray("stop");
                foreach (string stop in stops)
                {
                    json.WriteStringValue(stop);
                }

                json.WriteEndArray();
            }

            if (options?.ResponseFormat is ChatResponseFormatJson)
            {
                json.WriteStartObject("response_format");
                json.WriteString("type", "json_object");
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static bool IsTerminal(string status) => status is "completed" or "failed" or "expired" or "cancelled";

    private static bool Retryable(int status) => status is 408 or 429 or >= 500;

    private string Now() => _options.TimeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private void ScheduleFlush()
    {
        bool full;
        lock (_gate)
        {
            full = _queue.Count >= _options.MaxRequestsPerBatch;
            if (!full && _flushTimer is { IsCompleted: false })
            {
                return;
            }

            if (!full)
            {
                _flushTimer = DelayedFlushAsync();
                return;
            }
        }

        _ = FlushQuietlyAsync();
    }

    private async Task DelayedFlushAsync()
    {
        try
        {
            await Task.Delay(_options.FlushDelay, _options.TimeProvider, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await FlushQuietlyAsync().ConfigureAwait(false);
    }

    private async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: queued calls are abandoned with the client.
        }
    }

    private async Task SubmitAsync(List<Pending> chunk, CancellationToken cancellationToken)
    {
        int round = chunk.Max(p => p.Round) + 1;
        try
        {
            using var content = new ConcatenatedStream([.. chunk.Select(p => p.Line)]);
            var file = await _files.UploadFileAsync(content, string.Create(CultureInfo.InvariantCulture, $"agorabench-batch-r{round}-{chunk.Count}.jsonl"), FileUploadPurpose.Batch, cancellationToken).ConfigureAwait(false);
            var body = new JsonObject
            {
                ["input_file_id"] = file.Value.Id,
                ["endpoint"] = ChatCompletionsPath,
                ["completion_window"] = _options.CompletionWindow,
                ["metadata"] = new JsonObject { ["source"] = "agorabench", ["round"] = round.ToString(CultureInfo.InvariantCulture) },
            };
            var operation = await _batches.CreateBatchAsync(BinaryContent.Create(BinaryData.FromString(body.ToJsonString())), waitUntilCompleted: false, new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
            var ids = chunk.Select(p => p.Id).ToArray();
            var record = new BatchRecord(operation.BatchId, round, [.. ids], 0);
            await AppendAsync(new BatchSubmittedEvent { Batch = record.Id, File = file.Value.Id, Round = round, Ids = ids, At = Now() }, BatchJsonContext.Default.BatchSubmittedEvent).ConfigureAwait(false);
            lock (_gate)
            {
                record.Sequence = _records.Count;
                _records[record.Id] = record;
                foreach (var pending in chunk)
                {
                    pending.Round = round;
                    pending.Uploaded();
                }

                _batchCount++;
                _submitted += chunk.Count;
            }
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or IOException)
        {
            // The submission itself failed (the API refused the file, or was unreachable): the calls fail as an online
            // request would, and their callers decide about retrying.
            int status = ex is ClientResultException client ? client.Status : ex is HttpRequestException http && http.StatusCode is { } code ? (int)code : 503;
            foreach (var pending in chunk)
            {
                Fail(pending, new HttpRequestException($"Submitting a batch failed: {ex.Message}", ex, (HttpStatusCode)status));
            }

            return;
        }

        EnsurePolling();
    }

    private void EnsurePolling()
    {
        lock (_gate)
        {
            if (_poller is { IsCompleted: false } || _stop.IsCancellationRequested)
            {
                return;
            }

            _poller = Task.Run(() => PollAsync(_stop.Token));
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var interval = _options.PollInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            BatchRecord[] open;
            lock (_gate)
            {
                open = [.. _records.Values.Where(r => !r.Collected)];
                if (open.Length == 0)
                {
                    _poller = null;
                    return;
                }
            }

            await Task.Delay(interval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            bool changed = false;
            foreach (var record in open)
            {
                BatchStatus status;
                try
                {
                    status = await GetStatusAsync(record.Id, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ClientResultException or HttpRequestException or IOException or JsonException)
                {
                    // A failed poll is asked again at the next interval.
                    continue;
                }

                if (IsTerminal(status.Status))
                {
                    await CollectAsync(record, status, cancellationToken).ConfigureAwait(false);
                    changed = true;
                }
            }

            interval = changed ? _options.PollInterval : TimeSpan.FromTicks(Math.Min(_options.MaxPollInterval.Ticks, interval.Ticks * 2));
        }
    }

    private async Task<BatchStatus> GetStatusAsync(string batchId, CancellationToken cancellationToken)
    {
        var result = await _batches.GetBatchAsync(batchId, new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
        using var document = JsonDocument.Parse(result.GetRawResponse().Content);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        int completed = 0, failed = 0;
        if (root.TryGetProperty("request_counts", out var counts) && counts.ValueKind == JsonValueKind.Object)
        {
            completed = counts.TryGetProperty("completed", out var c) ? c.GetInt32() : 0;
            failed = counts.TryGetProperty("failed", out var f) ? f.GetInt32() : 0;
        }

        var errors = new List<(string Code, string Message)>();
        if (root.TryGetProperty("errors", out var errorList) && errorList.ValueKind == JsonValueKind.Object && errorList.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in data.EnumerateArray())
            {
                errors.Add((error.TryGetProperty("code", out var code) ? code.GetString() ?? string.Empty : string.Empty, error.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty));
            }
        }

        return new BatchStatus(Text("status") ?? "unknown", Text("output_file_id"), Text("error_file_id"), completed, failed, errors);
    }

    private async Task CollectAsync(BatchRecord record, BatchStatus status, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int succeeded = 0, failedRequests = 0;
        var requeue = new List<Pending>();
        foreach (string? fileId in new[] { status.OutputFileId, status.ErrorFileId })
        {
            if (fileId is null)
            {
                continue;
            }

            var file = await _files.DownloadFileAsync(fileId, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(file.Value.ToStream(), Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                string id = root.GetProperty("custom_id").GetString()!;
                if (!seen.Add(id))
                {
                    continue;
                }

                int code = root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object && response.TryGetProperty("status_code", out var sc) ? sc.GetInt32() : 500;
                if (code == 200 && response.TryGetProperty("body", out var body))
                {
                    var answer = Answer(body);
                    await _results.AppendAsync(answer.ToLine(id)).ConfigureAwait(false);
                    succeeded++;
                    Pending? waiter;
                    lock (_gate)
                    {
                        _answers[id] = answer;
                        _waiting.Remove(id, out waiter);
                        _succeeded++;
                    }

                    waiter?.Completion.TrySetResult(answer.ToResponse(_model));
                    continue;
                }

                failedRequests++;
                string message = ErrorMessage(root, response);
                Pending? failedWaiter;
                lock (_gate)
                {
                    _waiting.TryGetValue(id, out failedWaiter);
                }

                if (failedWaiter is null)
                {
                    continue;
                }

                if (Retryable(code) && failedWaiter.Round < _options.MaxRounds)
                {
                    requeue.Add(failedWaiter);
                }
                else
                {
                    Fail(failedWaiter, new HttpRequestException($"The batch request failed (HTTP {code}): {message}", null, (HttpStatusCode)code));
                }
            }
        }

        // Requests without a line: left unprocessed by an expired or cancelled batch, or lost with a failed one.
        bool retryableFailure = status.Status == "failed" && status.Errors.All(e => RetryableBatchErrors.Contains(e.Code, StringComparer.Ordinal));
        string failure = status.Errors.Count == 0 ? status.Status : string.Join("; ", status.Errors.Select(e => $"{e.Code}: {e.Message}"));
        foreach (string id in record.Ids.Where(i => !seen.Contains(i)))
        {
            Pending? waiter;
            lock (_gate)
            {
                _waiting.TryGetValue(id, out waiter);
            }

            if (waiter is null)
            {
                continue;
            }

            if (status.Status == "cancelled")
            {
                Fail(waiter, new HttpRequestException("The batch was cancelled.", null, (HttpStatusCode)499));
            }
            else if ((status.Status is "expired" or "completed" || retryableFailure) && waiter.Round < _options.MaxRounds)
            {
                requeue.Add(waiter);
            }
            else
            {
                Fail(waiter, new HttpRequestException($"The batch {status.Status}: {failure}", null, status.Status == "failed" && !retryableFailure ? HttpStatusCode.BadRequest : HttpStatusCode.ServiceUnavailable));
            }
        }

        await AppendAsync(new BatchFinishedEvent { Batch = record.Id, Status = status.Status, Completed = succeeded, Failed = failedRequests, Output = status.OutputFileId, Errors = status.ErrorFileId, At = Now() }, BatchJsonContext.Default.BatchFinishedEvent).ConfigureAwait(false);
        lock (_gate)
        {
            record.Status = status.Status;
            record.Completed = succeeded;
            record.FailedCount = failedRequests;
            record.Collected = true;
            foreach (var pending in requeue)
            {
                _queue.Add(pending);
                _requeued++;
            }
        }

        if (requeue.Count > 0)
        {
            ScheduleFlush();
        }
    }

    private static StoredAnswer Answer(JsonElement body)
    {
        var choice = body.GetProperty("choices")[0];
        string text = choice.TryGetProperty("message", out var message) && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString()! : string.Empty;
        string? finish = choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        long input = 0, output = 0;
        if (body.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            input = usage.TryGetProperty("prompt_tokens", out var p) ? p.GetInt64() : 0;
            output = usage.TryGetProperty("completion_tokens", out var c) ? c.GetInt64() : 0;
        }

        return new StoredAnswer(text, finish, body.TryGetProperty("model", out var model) ? model.GetString() : null, input, output);
    }

    private static string ErrorMessage(JsonElement root, JsonElement response)
    {
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            return error.TryGetProperty("message", out var m) ? m.GetString() ?? "error" : "error";
        }

        if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("error", out var bodyError) && bodyError.TryGetProperty("message", out var bodyMessage))
        {
            return bodyMessage.GetString() ?? "error";
        }

        return "no detail";
    }

    private void Fail(Pending pending, Exception exception)
    {
        lock (_gate)
        {
            _waiting.Remove(pending.Id);
            _failed++;
        }

        pending.Completion.TrySetException(exception);
    }

    private void Abandon(Pending pending, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _queue.Remove(pending);
            _waiting.Remove(pending.Id);
        }

        pending.Completion.TrySetCanceled(cancellationToken);
    }

    private Task AppendAsync<T>(T line, JsonTypeInfo<T> contract) => _log.AppendAsync(Line(line, contract));

    /// <summary>One JSON Lines line: compact, default (ASCII-safe) escaping, a final newline.</summary>
    private static byte[] Line<T>(T value, JsonTypeInfo<T> contract)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, contract);
        byte[] line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>A waiting call. Its request line exists only while it waits for a batch file (50,000 uploaded lines are ~150 MB); a resubmission writes it again.</summary>
    private sealed class Pending(string id, Func<byte[]> line)
    {
        private byte[]? _line = line();

        public string Id { get; } = id;

        public byte[] Line => _line ??= line();

        public void Uploaded() => _line = null;

        public int Round { get; set; }

        public TaskCompletionSource<ChatResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class BatchRecord(string id, int round, HashSet<string> ids, int sequence)
    {
        public string Id { get; } = id;

        public int Round { get; } = round;

        public HashSet<string> Ids { get; } = ids;

        public int Sequence { get; set; } = sequence;

        public string? Status { get; set; }

        public int Completed { get; set; }

        public int FailedCount { get; set; }

        public bool Collected { get; set; }
    }

    private sealed record BatchStatus(string Status, string? OutputFileId, string? ErrorFileId, int Completed, int Failed, IReadOnlyList<(string Code, string Message)> Errors);

    private sealed record StoredAnswer(string Text, string? FinishReason, string? Model, long InputTokens, long OutputTokens)
    {
        public ChatResponse ToResponse(string model) => new(new ChatMessage(ChatRole.Assistant, Text))
        {
            ModelId = Model ?? model,
            FinishReason = FinishReason is null ? null : new ChatFinishReason(FinishReason),
            Usage = new UsageDetails { InputTokenCount = InputTokens, OutputTokenCount = OutputTokens, TotalTokenCount = InputTokens + OutputTokens },
        };

        public byte[] ToLine(string id)
        {
            var line = new BatchAnswerLine { CustomId = id, Text = Text, FinishReason = FinishReason, Model = Model, InputTokens = InputTokens, OutputTokens = OutputTokens };
            return Line(line, BatchJsonContext.Default.BatchAnswerLine);
        }
    }
}
