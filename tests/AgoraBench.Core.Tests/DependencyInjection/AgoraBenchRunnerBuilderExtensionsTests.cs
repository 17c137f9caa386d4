using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgoraBench.Tests.DependencyInjection;

public sealed class AgoraBenchRunnerBuilderExtensionsTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(StudyFixture.KeyVariable, StudyFixture.SecretValue);
        _study = await StudyFixture.CreateAsync();
    }

    public async Task DisposeAsync() => await _study.DisposeAsync();

    [Fact]
    public async Task AddRunner_BuildsRunnersFromTheContainer_WithItsMetricsAndTrainer()
    {
        var trainer = new RecordingTrainer(_study.Server.Endpoint);
        var services = new ServiceCollection();
        services.AddAgoraBench()
            .AddRunner(o => o.MaxParallelSteps = 2)
            .UseOpenAIClients()
            .AddIntrinsicMetric(new InstructionLengthMetric())
            .UseStudentTrainer(trainer);
        using var provider = services.BuildServiceProvider();
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(), CancellationToken.None);

        var runner = provider.GetRequiredService<AgoraBenchRunnerFactory>().Create(plan, _study.RunDirectory("di"));
        var result = await runner.RunAsync([RunStage.Generate, RunStage.Metrics, RunStage.Export, RunStage.Train]);

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status == RunStepStatus.Failed).Select(s => s.Message)));
        Assert.Equal(6, trainer.Requests);
        string metrics = File.ReadAllText(Path.Combine(runner.RunDirectory, "cells", "gen-a", "instance-generation-math", "metrics.json"));
        Assert.Contains("\"instruction-length\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\"response-quality\"", metrics, StringComparison.Ordinal);
        var student = await TrainedStudentFile.ReadAsync(Path.Combine(runner.RunDirectory, "cells", "gen-b", "response-generation-code", "student.json"));
        Assert.Equal("recording", student.Trainer);
    }

    [Fact]
    public void AddRunner_WithoutAClientFactory_SaysWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddAgoraBench().AddRunner();
        using var provider = services.BuildServiceProvider();
        var plan = AgoraBenchPlanFile.Parse(_study.PlanJson(), _study.PlanPath);

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<AgoraBenchRunnerFactory>().Create(plan, _study.RunDirectory("x")));

        Assert.Contains("ClientFactory is required", error.Message, StringComparison.Ordinal);
    }

    private sealed class InstructionLengthMetric : IIntrinsicMetric
    {
        public string Name => "instruction-length";

        public ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new IntrinsicMetricResult(name: Name, value: instances.Average(i => i.Instruction.Length), count: instances.Count));
    }

    private sealed class RecordingTrainer(Uri endpoint) : IStudentTrainer
    {
        private int _requests;

        public int Requests => _requests;

        public string Name => "recording";

        public Task<TrainedStudent> TrainAsync(StudentTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new TrainedStudent(modelId: "student-" + request.RunName, trainer: Name, endpoint: endpoint));
        }
    }
}
