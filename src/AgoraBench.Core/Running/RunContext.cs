using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgoraBench;

/// <summary>What the steps of one run share: the plan, the folder, the records, and lazily made clients, seeds, problems and the sandbox.</summary>
internal sealed class RunContext : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IDisposable> _owned = [];
    private readonly Lazy<PythonSandbox> _sandbox;
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(5) });

    public RunContext(AgoraBenchPlan plan, RunDirectory directory, AgoraBenchRunnerOptions options)
    {
        Plan = plan;
        Directory = directory;
        Options = options;
        Clients = options.ClientFactory!;
        Redactor = new SecretRedactor(plan, options.Environment);
        Records = new StepRecordStore(directory, Redactor);
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AgoraBench.Runner");
        _sandbox = new Lazy<PythonSandbox>(() => new PythonSandbox());
    }

    public AgoraBenchPlan Plan { get; }

    /// <summary>Gets each step's current state, by id (the scheduler's view, read by study-wide steps).</summary>
    public ConcurrentDictionary<string, RunStepStatus> Statuses { get; } = new(StringComparer.Ordinal);

    public RunStepStatus StatusOf(RunStep step) => Statuses.GetValueOrDefault(step.Info.Id, RunStepStatus.Pending);

    public RunDirectory Directory { get; }

    public AgoraBenchRunnerOptions Options { get; }

    public IModelClientFactory Clients { get; }

    public StepRecordStore Records { get; }

    public SecretRedactor Redactor { get; }

    public ILogger Logger { get; }

    public TimeProvider Time => Options.TimeProvider;

    public PythonSandbox Sandbox => _sandbox.Value;

    public HttpClient Http => _http.Value;

    public Task<IReadOnlyList<SyntheticInstance>> SeedsAsync(AgoraBenchSetting setting, CancellationToken cancellationToken) =>
        SharedAsync<IReadOnlyList<SyntheticInstance>>("seeds:" + setting.Key, () => SyntheticDataset.ReadSeedsAsync(Plan.Seeds[setting.Key], cancellationToken));

    public Task<IReadOnlyList<BenchmarkProblem>> ProblemsAsync(string benchmark, string path, CancellationToken cancellationToken) =>
        SharedAsync("problems:" + benchmark + ":" + path, () => BenchmarkProblems.ReadAsync(benchmark, path, cancellationToken));

    public Task<IReadOnlyList<BenchmarkProblem>> ProblemsAsync(BenchmarkDefinition benchmark, string path, CancellationToken cancellationToken) =>
        SharedAsync("problems:" + benchmark.Id + ":" + path, () => benchmark.ReadProblemsAsync(path, cancellationToken));

    public Task<string> FileHashAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        string key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"hash:{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
        return SharedAsync(key, () => Hashing.Sha256FileAsync(path, cancellationToken));
    }

    public string Template(AgoraBenchSetting setting) =>
        Plan.Generation.Templates.TryGetValue(setting.Key, out string? file) ? File.ReadAllText(file) : MetaPrompts.Template(setting.Method, setting.Domain, Plan.Generation.PromptStyle);

    /// <summary>A client made by the factory and disposed with the run.</summary>
    public IChatClient Chat(ModelEndpoint endpoint, ModelRole role) => Own(Clients.CreateChatClient(
        endpoint.Backend == ModelBackend.Batch && endpoint.BatchDirectory is null
            ? endpoint with { BatchDirectory = Path.Combine(Directory.Cache, "batch", RunDirectory.Slug(role.ToString()) + "-" + RunDirectory.Slug(endpoint.Model)) }
            : endpoint,
        role));

    /// <summary>How many calls to keep in flight to an endpoint: its capacity online, everything at once through a batch API.</summary>
    public static int Concurrency(ModelEndpoint endpoint, int items) =>
        endpoint.Backend == ModelBackend.Batch ? Math.Clamp(items, 1, 100_000) : endpoint.Capacity;

    public IEmbeddingGenerator<string, Embedding<float>> Embeddings(ModelEndpoint endpoint) => Own(Clients.CreateEmbeddingGenerator(endpoint));

    /// <summary>A judge client behind a file cache in the run folder, shared by the steps that use the same model: a rerun never pays twice for a verdict.</summary>
    public Task<IChatClient> CachedChatAsync(ModelEndpoint endpoint, ModelRole role, CancellationToken cancellationToken) =>
        SharedAsync<IChatClient>("chat:" + role + ":" + endpoint.Model, async () =>
        {
            string file = Path.Combine(Directory.Cache, "chat", RunDirectory.Slug(role.ToString()) + "-" + RunDirectory.Slug(endpoint.Model) + ".jsonl");
            return Own(await FileCachingChatClient.OpenAsync(Chat(endpoint, role), file, endpoint.Model, cancellationToken).ConfigureAwait(false));
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }

        if (_sandbox.IsValueCreated)
        {
            _sandbox.Value.Dispose();
        }

        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    private async Task<T> SharedAsync<T>(string key, Func<Task<T>> create)
        where T : class
    {
        var lazy = _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create().ConfigureAwait(false)));
        try
        {
            return (T)await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed read (a file being fixed, a cancelled token) is not remembered.
            _shared.TryRemove(key, out _);
            throw;
        }
    }
}
