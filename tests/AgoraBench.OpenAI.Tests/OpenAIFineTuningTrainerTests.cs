using Microsoft.Extensions.AI;
using System.Text.Json.Nodes;

namespace AgoraBench.OpenAI.Tests;

public sealed class OpenAIFineTuningTrainerTests : IAsyncLifetime
{
    private readonly string _keyVariable = "AGORABENCH_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "agorabench-openai-tests-" + Guid.NewGuid().ToString("N"));
    private FakeFineTuningServer _server = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(_keyVariable, "sk-test-secret-123");
        _server = await FakeFineTuningServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        await _server.DisposeAsync();
        if (Directory.Exists(_workDir))
        {
            Directory.Delete(_workDir, recursive: true);
        }
    }

    private OpenAIFineTuningTrainer Trainer(int maxTransient = 8) => new(new OpenAIFineTuningTrainerOptions
    {
        Endpoint = _server.Endpoint,
        ApiKeyEnvironmentVariable = _keyVariable,
        PollInterval = TimeSpan.FromMilliseconds(10),
        MaxPollInterval = TimeSpan.FromMilliseconds(40),
        MaxConsecutiveTransientFailures = maxTransient,
    });

    private StudentTrainingRequest Request() => new()
    {
        BaseModel = "gpt-4o-mini-2024-07-18",
        Instances = [.. Enumerable.Range(0, 12).Select(i => new SyntheticInstance { Instruction = $"Question {i}?", Response = $"Answer {i}." })],
        WorkingDirectory = _workDir,
        Generator = "llama-3.1-8b",
        Setting = AgoraBenchSettings.All[0],
        Hyperparameters = new TrainingHyperparameters { LearningRateMultiplier = 1.8 },
    };

    [Fact]
    public async Task TrainAsync_Success_UploadsCreatesPollsAndReturnsTheModel()
    {
        var events = new List<TrainingProgress>();
        var student = await Trainer().TrainAsync(Request(), new SyncProgress(events));

        Assert.Equal("ft:gpt-4o-mini-2024-07-18:agorabench::ftjob-1", student.ModelId);
        Assert.Equal("openai", student.Trainer);
        Assert.Equal("ftjob-1", student.JobId);
        Assert.Equal(123_456, student.Metrics["trained_tokens"]);
        Assert.Equal(_keyVariable, student.ApiKeyEnvironmentVariable);

        var uploaded = Assert.Single(_server.UploadedFiles).Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, uploaded.Length);
        Assert.Equal("Question 0?", JsonNode.Parse(uploaded[0])!["messages"]![1]!["content"]!.GetValue<string>());

        var created = Assert.Single(_server.CreatedJobs);
        Assert.Equal("gpt-4o-mini-2024-07-18", created["model"]!.GetValue<string>());
        Assert.Equal("file-1", created["training_file"]!.GetValue<string>());
        Assert.Equal(42, created["seed"]!.GetValue<int>());
        var hyper = created["method"]!["supervised"]!["hyperparameters"]!;
        Assert.Equal((5, 4, 1.8), (hyper["n_epochs"]!.GetValue<int>(), hyper["batch_size"]!.GetValue<int>(), hyper["learning_rate_multiplier"]!.GetValue<double>()));

        Assert.Contains(events, e => e.Stage == "event" && e.Message == "status: running");
        Assert.Contains(events, e => e.Stage == "succeeded");
        Assert.All(_server.Authorizations, a => Assert.Equal("Bearer sk-test-secret-123", a));
        Assert.DoesNotContain("sk-test-secret", File.ReadAllText(Path.Combine(_workDir, "openai-job.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateChatClient_ReachesTheFineTunedModel()
    {
        var student = await Trainer().TrainAsync(Request());
        using var chat = student.CreateChatClient();

        var response = await chat.GetResponseAsync("hi");

        Assert.Equal("hello from ft:gpt-4o-mini-2024-07-18:agorabench::ftjob-1", response.Text);
        Assert.Contains("POST /v1/chat/completions", _server.Requests);
    }

    [Fact]
    public void CreateChatClient_WithoutEndpoint_ExplainsWhatToDo()
    {
        var student = new TrainedStudent(modelId: "local", trainer: "command", modelPath: "/ckpt/final");
        var ex = Assert.Throws<InvalidOperationException>(() => student.CreateChatClient());
        Assert.Contains("its weights are at /ckpt/final", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_FailedJob_SurfacesItsError()
    {
        _server.Script = ["validating_files", "failed"];
        _server.FailureError = new JsonObject { ["code"] = "invalid_training_file", ["message"] = "Line 3: the assistant message is empty." };

        var ex = await Assert.ThrowsAsync<StudentTrainingException>(() => Trainer().TrainAsync(Request()));

        Assert.Equal("ftjob-1", ex.JobId);
        Assert.Contains("Line 3: the assistant message is empty. (invalid_training_file)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_JobCancelledOnTheServer_Fails()
    {
        _server.Script = ["queued", "cancelled"];
        var ex = await Assert.ThrowsAsync<StudentTrainingException>(() => Trainer().TrainAsync(Request()));
        Assert.Contains("was cancelled on the server", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_CancelledByTheCaller_CancelsTheRemoteJob()
    {
        _server.Script = ["queued", "running"];
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress([], p =>
        {
            if (p.Stage == "running")
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Trainer().TrainAsync(Request(), progress, cts.Token));

        Assert.Contains("POST /v1/fine_tuning/jobs/ftjob-1/cancel", _server.Requests);
        Assert.Equal("cancelled", _server.Jobs["ftjob-1"].Status);
    }

    [Fact]
    public async Task TrainAsync_Transient500sWhilePolling_AreRetried()
    {
        _server.Script = ["queued", "running", "running", "succeeded"];
        _server.FailNextPolls = 3;
        var events = new List<TrainingProgress>();

        var student = await Trainer().TrainAsync(Request(), new SyncProgress(events));

        Assert.Equal("ftjob-1", student.JobId);
        Assert.Equal(3, events.Count(e => e.Stage == "retry"));
        Assert.Contains("HTTP 500", events.First(e => e.Stage == "retry").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_Restart_ReattachesToTheRunningJob_InsteadOfStartingASecond()
    {
        _server.Script = ["queued", "running", "running", "succeeded"];
        _server.FailNextPolls = 100;
        var first = await Assert.ThrowsAsync<StudentTrainingException>(() => Trainer(maxTransient: 2).TrainAsync(Request()));
        Assert.Contains("run again with the same working directory to re-attach", first.Message, StringComparison.Ordinal);

        _server.FailNextPolls = 0;
        var events = new List<TrainingProgress>();
        var student = await Trainer().TrainAsync(Request(), new SyncProgress(events));

        Assert.Equal("ftjob-1", student.JobId);
        Assert.Single(_server.CreatedJobs);
        Assert.Single(_server.UploadedFiles);
        Assert.Contains(events, e => e.Stage == "reattached");
    }

    [Fact]
    public async Task TrainAsync_Restart_ReadsAJobFileInTheEarlierHandWrittenLayout()
    {
        _server.Script = ["queued", "running", "running", "succeeded"];
        _server.FailNextPolls = 100;
        await Assert.ThrowsAsync<StudentTrainingException>(() => Trainer(maxTransient: 2).TrainAsync(Request()));
        string path = Path.Combine(_workDir, "openai-job.json");
        Assert.Equal("{\"job_id\":\"ftjob-1\",\"training_file\":\"file-1\"}\n", File.ReadAllText(path));

        // The layout the earlier version wrote (spaces after the separators) still re-attaches.
        File.WriteAllText(path, "{\"job_id\": \"ftjob-1\", \"training_file\": \"file-1\"}\n");
        _server.FailNextPolls = 0;
        var student = await Trainer().TrainAsync(Request());

        Assert.Equal("ftjob-1", student.JobId);
        Assert.Single(_server.CreatedJobs);
    }

    [Fact]
    public async Task TrainAsync_ADamagedJobFile_IsADataErrorNamingIt()
    {
        Directory.CreateDirectory(_workDir);
        string path = Path.Combine(_workDir, "openai-job.json");
        File.WriteAllText(path, "{\"job_id\": 7}\n");

        var error = await Assert.ThrowsAsync<DataValidationException>(() => Trainer().TrainAsync(Request()));

        Assert.Equal(path, Assert.Single(error.Errors).Source);
        Assert.Empty(_server.CreatedJobs);
    }

    [Fact]
    public async Task TrainAsync_TooFewExamples_IsADataError_BeforeAnyUpload()
    {
        var request = new StudentTrainingRequest { BaseModel = "m", Instances = [new SyntheticInstance { Instruction = "q", Response = "a" }], WorkingDirectory = _workDir };
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => Trainer().TrainAsync(request));
        Assert.Contains("at least 10 are required", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OpenAIFineTuningTrainer(new OpenAIFineTuningTrainerOptions
        {
            PollInterval = TimeSpan.Zero,
            MaxPollInterval = TimeSpan.FromSeconds(-1),
            ApiKeyEnvironmentVariable = " ",
        }));
        Assert.Contains("PollInterval must be positive", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPollInterval", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKeyEnvironmentVariable", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(List<TrainingProgress> sink, Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }

            onReport?.Invoke(value);
        }
    }
}
