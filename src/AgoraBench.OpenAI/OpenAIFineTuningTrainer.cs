using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using OpenAI;
using OpenAI.Files;
using OpenAI.FineTuning;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace AgoraBench.OpenAI;

/// <summary>
/// An <see cref="IStudentTrainer"/> over the OpenAI fine-tuning API (OpenAI .NET SDK): exports the data in OpenAI's
/// chat format, uploads it, creates a supervised fine-tuning job, polls it with backoff, reports its events, and
/// returns the fine-tuned model.
/// </summary>
/// <remarks>
/// <para>The job's id is saved in <c>openai-job.json</c> in the request's working directory as soon as the job exists;
/// a restarted run with the same working directory re-attaches to that job instead of starting a second one (a job that
/// already succeeded is returned at once; a failed or cancelled one is replaced by a new job).</para>
/// <para>This trainer owns retries: the SDK client it creates has its own retries turned off, and polling tolerates
/// <see cref="OpenAIFineTuningTrainerOptions.MaxConsecutiveTransientFailures"/> consecutive HTTP 429 / 5xx / network
/// failures. Cancelling the token cancels the remote job. The API key is read from the environment variable named in
/// the options and never written anywhere.</para>
/// </remarks>
public sealed class OpenAIFineTuningTrainer : IStudentTrainer
{
    private const string StateFileName = "openai-job.json";
    private readonly OpenAIFineTuningTrainerOptions _options;
    private readonly OpenAIClient? _client;
    private static readonly ResiliencePropertyKey<PollCall> PollKey = new("agorabench.training.poll");

    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline _poll;

    /// <summary>Initializes a new instance of the <see cref="OpenAIFineTuningTrainer"/> class that creates its own client from the options.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for poll delays, or <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    public OpenAIFineTuningTrainer(OpenAIFineTuningTrainerOptions options, TimeProvider? timeProvider = null)
        : this(null, options, timeProvider)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OpenAIFineTuningTrainer"/> class over a client the host configured.</summary>
    /// <param name="client">The OpenAI client, or <see langword="null"/> to create one from the options. A host's client keeps its own retry policy.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for poll delays, or <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    public OpenAIFineTuningTrainer(OpenAIClient? client, OpenAIFineTuningTrainerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OpenAIFineTuningTrainerOptionsValidator.Instance.Validate(null, options) is { Failed: true } result)
        {
            throw new ArgumentException(string.Join(" ", result.Failures), nameof(options));
        }

        _client = client;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _poll = Pipeline();
    }

    /// <inheritdoc />
    public string Name => "openai";

    /// <inheritdoc />
    public async Task<TrainedStudent> TrainAsync(StudentTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Hyperparameters.Validate();
        if (problems.Count > 0)
        {
            throw new DataValidationException([.. problems.Select(p => new DataError(null, null, "hyperparameters", p))]);
        }

        var client = _client ?? CreateClient();
        var fineTuning = client.GetFineTuningClient();
        string workDir = Path.GetFullPath(request.WorkingDirectory ?? Path.Combine(Path.GetTempPath(), "agorabench-openai-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(workDir);
        string statePath = Path.Combine(workDir, StateFileName);

        FineTuningJob? job = null;
        if (await ReadStateAsync(statePath, cancellationToken).ConfigureAwait(false) is { } savedJobId)
        {
            job = await FineTuningJob.RehydrateAsync(fineTuning, savedJobId, cancellationToken).ConfigureAwait(false);
            var status = JobStatus.From(job.GetRawResponse());
            if (status.Status is "failed" or "cancelled")
            {
                progress?.Report(new TrainingProgress("restart", $"the saved job {savedJobId} is {status.Status}; starting a new one"));
                job = null;
            }
            else
            {
                progress?.Report(new TrainingProgress("reattached", $"re-attached to job {savedJobId} ({status.Status})"));
            }
        }

        if (job is null)
        {
            string dataPath = Path.Combine(workDir, "train.openai-chat.jsonl");
            int examples = await SftExporter.WriteAsync(
                dataPath,
                request.Instances,
                SftFormat.OpenAIChat,
                new SftExportOptions { SeedInstances = request.SeedInstances, MinimumExamples = 10 },
                cancellationToken).ConfigureAwait(false);
            progress?.Report(new TrainingProgress("upload", $"uploading {examples} examples"));
            string fileId;
            var stream = File.OpenRead(dataPath);
            await using (stream.ConfigureAwait(false))
            {
                var file = await client.GetOpenAIFileClient().UploadFileAsync(stream, Path.GetFileName(dataPath), FileUploadPurpose.FineTune, cancellationToken).ConfigureAwait(false);
                fileId = file.Value.Id;
            }

            var body = BinaryContent.Create(BinaryData.FromString(CreateJobBody(request, fileId)));
            job = await fineTuning.FineTuneAsync(body, waitUntilCompleted: false, new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
            await WriteStateAsync(statePath, job.JobId, fileId).ConfigureAwait(false);
            progress?.Report(new TrainingProgress("queued", $"created job {job.JobId}"));
        }

        return await PollAsync(job, request, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TrainedStudent> PollAsync(FineTuningJob job, StudentTrainingRequest request, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var poll = new PollCall(job, progress, new HashSet<string>(StringComparer.Ordinal));
        TimeSpan interval = _options.PollInterval;
        string lastStatus = string.Empty;
        while (true)
        {
            JobStatus status;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(PollKey, poll);
            try
            {
                // The pipeline retries a poll that failed in passing, backing off; the events come with each status.
                status = await _poll.ExecuteAsync(
                    static async (c, call) =>
                    {
                        var result = await call.Job.UpdateStatusAsync(new RequestOptions { CancellationToken = c.CancellationToken }).ConfigureAwait(false);
                        var fetched = JobStatus.From(result.GetRawResponse());
                        await ReportEventsAsync(call.Job, call.SeenEvents, call.Progress, c.CancellationToken).ConfigureAwait(false);
                        return fetched;
                    },
                    context,
                    poll).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await CancelRemoteAsync(job, progress, _timeProvider).ConfigureAwait(false);
                throw;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                throw new StudentTrainingException($"Polling fine-tuning job {job.JobId} failed {_options.MaxConsecutiveTransientFailures + 1} times in a row: {Describe(ex)}. The job keeps running; run again with the same working directory to re-attach.", ex) { JobId = job.JobId };
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (status.Status != lastStatus)
            {
                progress?.Report(new TrainingProgress(status.Status, $"job {job.JobId} is {status.Status}"));
                lastStatus = status.Status;
            }

            switch (status.Status)
            {
                case "succeeded":
                    if (string.IsNullOrEmpty(status.FineTunedModel))
                    {
                        throw new StudentTrainingException($"Fine-tuning job {job.JobId} succeeded but names no fine-tuned model.") { JobId = job.JobId };
                    }

                    var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
                    if (status.TrainedTokens is long tokens)
                    {
                        metrics["trained_tokens"] = tokens;
                    }

                    return new TrainedStudent(
                        modelId: status.FineTunedModel,
                        trainer: Name,
                        endpoint: _options.Endpoint ?? new Uri("https://api.openai.com/v1"),
                        apiKeyEnvironmentVariable: _options.ApiKeyEnvironmentVariable,
                        jobId: job.JobId,
                        baseModel: request.BaseModel,
                        metrics: metrics);
                case "failed":
                    throw new StudentTrainingException($"Fine-tuning job {job.JobId} failed: {status.Error ?? "no error was reported"}") { JobId = job.JobId };
                case "cancelled":
                    throw new StudentTrainingException($"Fine-tuning job {job.JobId} was cancelled on the server.") { JobId = job.JobId };
            }

            await DelayAsync(interval, job, progress, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
        }
    }

    private async Task DelayAsync(TimeSpan delay, FineTuningJob job, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelRemoteAsync(job, progress, _timeProvider).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task CancelRemoteAsync(FineTuningJob job, IProgress<TrainingProgress>? progress, TimeProvider timeProvider)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), timeProvider);
            await job.CancelAsync(new RequestOptions { CancellationToken = timeout.Token }).ConfigureAwait(false);
            progress?.Report(new TrainingProgress("cancelled", $"cancelled job {job.JobId}"));
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or OperationCanceledException or IOException)
        {
            progress?.Report(new TrainingProgress("cancel-failed", $"could not cancel job {job.JobId}: {Describe(ex)}"));
        }
    }

    private static async Task ReportEventsAsync(FineTuningJob job, HashSet<string> seen, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        if (progress is null)
        {
            return;
        }

        await foreach (var page in job.GetEventsAsync(null, 50, new RequestOptions { CancellationToken = cancellationToken }).GetRawPagesAsync().ConfigureAwait(false))
        {
            using var document = JsonDocument.Parse(page.GetRawResponse().Content);
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var item in data.EnumerateArray().Reverse())
            {
                string id = item.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? string.Empty : string.Empty;
                if (id.Length > 0 && seen.Add(id))
                {
                    string message = item.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
                    progress.Report(new TrainingProgress("event", message));
                }
            }

            return;
        }
    }

    private string CreateJobBody(StudentTrainingRequest request, string fileId)
    {
        var h = request.Hyperparameters;
        string suffix = Sanitize(_options.Suffix ?? request.RunName ?? request.Generator ?? "agorabench");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", request.BaseModel);
            json.WriteString("training_file", fileId);
            json.WriteString("suffix", suffix);
            json.WriteNumber("seed", h.Seed);
            json.WriteStartObject("method");
            json.WriteString("type", "supervised");
            json.WriteStartObject("supervised");
            json.WriteStartObject("hyperparameters");
            json.WriteNumber("n_epochs", h.Epochs);
            if (_options.SendBatchSize)
            {
                json.WriteNumber("batch_size", h.BatchSize);
            }

            if (h.LearningRateMultiplier is double multiplier)
            {
                json.WriteNumber("learning_rate_multiplier", multiplier);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Sanitize(string suffix)
    {
        var chars = suffix.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        string value = new(chars);
        return value.Length > 40 ? value[..40] : value;
    }

    private OpenAIClient CreateClient()
    {
        string? key = Environment.GetEnvironmentVariable(_options.ApiKeyEnvironmentVariable);
        if (string.IsNullOrEmpty(key))
        {
            if (_options.Endpoint is null)
            {
                throw new StudentTrainingException($"The environment variable {_options.ApiKeyEnvironmentVariable} is not set; it must hold the OpenAI API key.");
            }

            key = "unused";
        }

        var clientOptions = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
        if (_options.Endpoint is not null)
        {
            clientOptions.Endpoint = _options.Endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(key), clientOptions);
    }

    /// <summary>
    /// The pipeline of the status polls (<c>AgoraBench.TrainingPoll</c>), built once: a poll that failed in passing
    /// (HTTP 408, 429, 5xx, no response, a lost connection) is retried up to
    /// <see cref="OpenAIFineTuningTrainerOptions.MaxConsecutiveTransientFailures"/> times in a row, backing off from the
    /// poll interval, doubling, to the longest interval; each retry is reported as <c>retry</c> progress.
    /// </summary>
    private ResiliencePipeline Pipeline()
    {
        var builder = new ResiliencePipelineBuilder { Name = "AgoraBench.TrainingPoll", TimeProvider = _timeProvider }.ConfigureTelemetry(NullLoggerFactory.Instance);
        if (_options.MaxConsecutiveTransientFailures > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxConsecutiveTransientFailures,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is { } ex && !args.Context.CancellationToken.IsCancellationRequested && IsTransient(ex)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(Backoff(args.AttemptNumber + 1)),
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(PollKey, null!);
                    call.Progress?.Report(new TrainingProgress("retry", $"polling job {call.Job.JobId} failed ({Describe(args.Outcome.Exception!)}); retry {args.AttemptNumber + 1} of {_options.MaxConsecutiveTransientFailures}"));
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(_options.PollInterval.Ticks * (1L << Math.Min(attempt, 10)), _options.MaxPollInterval.Ticks));

    private static bool IsTransient(Exception ex) => ex switch
    {
        ClientResultException c => c.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException => true,
        TimeoutException => true,
        _ => false,
    };

    private static string Describe(Exception ex) => ex is ClientResultException c && c.Status > 0
        ? string.Create(CultureInfo.InvariantCulture, $"HTTP {c.Status}")
        : ex.GetType().Name + ": " + ex.Message;

    private static async Task<string?> ReadStateAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var state = await ArtefactJson.ReadFileAsync(path, StateJsonContext.Default.FineTuningJobState, cancellationToken).ConfigureAwait(false);
        return state.JobId;
    }

    private static async Task WriteStateAsync(string path, string jobId, string fileId)
    {
        string temporary = path + ".tmp";
        string line = ArtefactJson.WriteLine(new FineTuningJobState { JobId = jobId, TrainingFile = fileId }, StateJsonContext.Default.FineTuningJobState) + "\n";
        await File.WriteAllTextAsync(temporary, line, CancellationToken.None).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record JobStatus(string Status, string? FineTunedModel, string? Error, long? TrainedTokens)
    {
        public static JobStatus From(PipelineResponse response)
        {
            using var document = JsonDocument.Parse(response.Content);
            var root = document.RootElement;
            string status = root.TryGetProperty("status", out var s) ? s.GetString() ?? "unknown" : "unknown";
            string? model = root.TryGetProperty("fine_tuned_model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            string? error = null;
            if (root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                string? message = e.TryGetProperty("message", out var em) ? em.GetString() : null;
                string? code = e.TryGetProperty("code", out var ec) ? ec.GetString() : null;
                error = code is null ? message : $"{message} ({code})";
            }

            long? tokens = root.TryGetProperty("trained_tokens", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null;
            return new JobStatus(status, model, error, tokens);
        }
    }
}
