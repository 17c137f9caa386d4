using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgoraBench.Tests.Running;

/// <summary>
/// A small study run on the loopback server, listened to the way OpenTelemetry listens (an <see cref="ActivityListener"/>
/// and a <see cref="MeterListener"/> on <see cref="AgoraBenchTelemetry.Name"/>): the spans nest run → step → stage
/// work → LM call, and what the instruments count equals what the run wrote. Only the test's own trace is sampled and
/// only measurements made inside it are kept, so tests running beside it change nothing. Both tests are in one class
/// so they never overlap (the second needs nobody to be listening).
/// </summary>
public sealed class RunTelemetryTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    private static string? Environment(string name) => name == StudyFixture.KeyVariable ? StudyFixture.SecretValue : System.Environment.GetEnvironmentVariable(name);

    [Fact]
    public async Task Run_EmitsNestedSpans_AndMetricsEqualToWhatItWrote()
    {
        using var recorder = new Recorder();
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(), CancellationToken.None);
        var runner = new AgoraBenchRunner(plan, _study.RunDirectory("telemetry"), new AgoraBenchRunnerOptions { Environment = Environment }.UseOpenAI(Environment));
        RunResult result;
        using (var root = recorder.StartRoot())
        {
            result = await runner.RunAsync();
        }

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Status} {s.Message}")));
        var spans = recorder.Spans;
        var byId = spans.ToDictionary(s => s.SpanId);
        Activity ParentOf(Activity span) => byId[span.ParentSpanId];
        string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
        string dir = runner.RunDirectory;

        // run → one span per executed step, each identified by its id and stage.
        var run = Assert.Single(spans, s => s.OperationName == AgoraBenchTelemetry.RunSpan);
        Assert.Equal(recorder.RootSpanId, run.ParentSpanId);
        var steps = spans.Where(s => s.OperationName == AgoraBenchTelemetry.StepSpan).ToArray();
        Assert.Equal(result.Steps.Select(s => s.Id).Order(StringComparer.Ordinal), steps.Select(s => Tag(s, AgoraBenchTelemetry.StepIdAttribute)!).Order(StringComparer.Ordinal));
        Assert.All(steps, s => Assert.Equal(run.SpanId, s.ParentSpanId));
        Assert.All(steps, s => Assert.Equal("done", Tag(s, AgoraBenchTelemetry.OutcomeAttribute)));
        var stepOf = steps.ToDictionary(s => Tag(s, AgoraBenchTelemetry.StepIdAttribute)!, StringComparer.Ordinal);
        foreach (var info in result.Steps)
        {
            Assert.Equal(RunStages.ToName(info.Stage), Tag(stepOf[info.Id], AgoraBenchTelemetry.StageAttribute));
            Assert.Equal(info.Setting?.Key, Tag(stepOf[info.Id], AgoraBenchTelemetry.SettingAttribute));
        }

        // Generation: attempts under their cell's step, each LM call under its attempt in the GenAI conventions.
        var attempts = spans.Where(s => s.OperationName == AgoraBenchTelemetry.GenerationAttemptSpan).ToArray();
        Assert.NotEmpty(attempts);
        foreach (var attempt in attempts)
        {
            var step = ParentOf(attempt);
            Assert.Equal(AgoraBenchTelemetry.StepSpan, step.OperationName);
            Assert.Equal("generate", Tag(step, AgoraBenchTelemetry.StageAttribute));
            Assert.Equal(Tag(step, AgoraBenchTelemetry.SettingAttribute), Tag(attempt, AgoraBenchTelemetry.SettingAttribute));
            Assert.Equal(Tag(step, AgoraBenchTelemetry.GeneratorAttribute), Tag(attempt, AgoraBenchTelemetry.GeneratorAttribute));
            var call = Assert.Single(spans, s => s.ParentSpanId == attempt.SpanId);
            Assert.Equal(ActivityKind.Client, call.Kind);
            Assert.Equal("chat", Tag(call, "gen_ai.operation.name"));
            Assert.Equal(Tag(step, AgoraBenchTelemetry.RequestModelAttribute), Tag(call, AgoraBenchTelemetry.RequestModelAttribute));
            Assert.Equal(Tag(attempt, AgoraBenchTelemetry.InputTokensAttribute), Tag(call, AgoraBenchTelemetry.InputTokensAttribute));
            Assert.Equal(Tag(attempt, AgoraBenchTelemetry.OutputTokensAttribute), Tag(call, AgoraBenchTelemetry.OutputTokensAttribute));
        }

        var generated = result.Steps.Where(s => s.Stage == RunStage.Generate).ToArray();
        var generateSummaries = generated.Select(s => Summary(dir, s.Id)).ToArray();
        Assert.Equal(generateSummaries.Sum(s => s["completions"]!.GetValue<long>()), attempts.Length);

        // Instances counted equal the rows each cell's data file holds; tokens and spend equal the step summaries.
        long rows = 0;
        foreach (var step in generated)
        {
            int cellRows = (await SyntheticDataset.ReadAsync(new RunDirectory(dir).Data(step.Generator!, step.Setting!))).Count;
            rows += cellRows;
            Assert.Equal(cellRows, recorder.Sum(AgoraBenchTelemetry.InstancesInstrument, (AgoraBenchTelemetry.SettingAttribute, step.Setting!.Key), (AgoraBenchTelemetry.GeneratorAttribute, step.Generator!)));
            Assert.Equal(cellRows, attempts.Count(a => Tag(ParentOf(a), AgoraBenchTelemetry.StepIdAttribute) == step.Id && Tag(a, AgoraBenchTelemetry.OutcomeAttribute) == "accepted"));
        }

        Assert.Equal(rows, recorder.Sum(AgoraBenchTelemetry.InstancesInstrument));
        Assert.Equal(generateSummaries.Sum(s => s["input_tokens"]!.GetValue<long>()), recorder.Sum(AgoraBenchTelemetry.TokensInstrument, (AgoraBenchTelemetry.TokenTypeAttribute, "input")));
        Assert.Equal(generateSummaries.Sum(s => s["output_tokens"]!.GetValue<long>()), recorder.Sum(AgoraBenchTelemetry.TokensInstrument, (AgoraBenchTelemetry.TokenTypeAttribute, "output")));
        decimal generationUsd = generateSummaries.Sum(s => s["cost_usd"] is { } c ? decimal.Parse(c.GetValue<string>(), CultureInfo.InvariantCulture) : 0m);
        Assert.True(generationUsd > 0);
        Assert.Equal((double)generationUsd, recorder.Sum(AgoraBenchTelemetry.CostInstrument, (AgoraBenchTelemetry.StageAttribute, "generate")), 9);

        // Metrics: one span per metric under each metrics step.
        var metricSpans = spans.Where(s => s.OperationName == AgoraBenchTelemetry.MetricSpan).ToArray();
        var metricSteps = steps.Where(s => Tag(s, AgoraBenchTelemetry.StageAttribute) == "metrics").ToArray();
        Assert.NotEmpty(metricSteps);
        Assert.Equal(metricSteps.Length * plan.Metrics.Names.Count, metricSpans.Length);
        Assert.All(metricSpans, m => Assert.Contains(ParentOf(m), metricSteps));

        // Training: one span per training step, naming the base model.
        var trainings = spans.Where(s => s.OperationName == AgoraBenchTelemetry.TrainingSpan).ToArray();
        Assert.Equal(result.Steps.Count(s => s.Stage == RunStage.Train), trainings.Length);
        Assert.All(trainings, t => Assert.Equal("train", Tag(ParentOf(t), AgoraBenchTelemetry.StageAttribute)));
        Assert.All(trainings, t => Assert.Equal(plan.Training.BaseModel, Tag(t, AgoraBenchTelemetry.RequestModelAttribute)));

        // Evaluation: samples graded per benchmark and outcome equal the result files; the sandbox passed exactly the code samples graded correct.
        var evaluations = result.Steps.Where(s => s.Stage == RunStage.Evaluate).ToArray();
        var gradings = spans.Where(s => s.OperationName == AgoraBenchTelemetry.GradingSpan).ToArray();
        var judgings = spans.Where(s => s.OperationName == AgoraBenchTelemetry.JudgingSpan).ToArray();
        Assert.All(gradings.Concat(judgings), g => Assert.Equal("evaluate", Tag(ParentOf(g), AgoraBenchTelemetry.StageAttribute)));
        Assert.Equal(evaluations.Length, gradings.Length + judgings.Length);
        var graded = new Dictionary<string, (long Samples, long Correct)>(StringComparer.Ordinal);
        foreach (var evaluation in evaluations)
        {
            if (JsonNode.Parse(File.ReadAllText(Path.Combine(dir, evaluation.Outputs[0])))!["items"] is not JsonArray items || items.OfType<JsonObject>().Any(i => i["preference"] is not null))
            {
                continue;
            }

            var (samples, correct) = graded.GetValueOrDefault(evaluation.Benchmark!);
            foreach (var item in items.OfType<JsonObject>())
            {
                int n = item["samples"]?.GetValue<int>() ?? 1;
                samples += n;
                correct += item["samples_correct"]?.GetValue<int>() ?? (n == 1 && item["correct"]!.GetValue<bool>() ? 1 : 0);
            }

            graded[evaluation.Benchmark!] = (samples, correct);
        }

        Assert.Equal(["gsm8k", "humaneval", "math", "mbpp"], graded.Keys.Order(StringComparer.Ordinal));
        foreach (var (benchmark, (samples, correct)) in graded)
        {
            Assert.Equal(samples, recorder.Sum(AgoraBenchTelemetry.GradedInstrument, (AgoraBenchTelemetry.BenchmarkAttribute, benchmark)));
            Assert.Equal(correct, recorder.Sum(AgoraBenchTelemetry.GradedInstrument, (AgoraBenchTelemetry.BenchmarkAttribute, benchmark), (AgoraBenchTelemetry.OutcomeAttribute, "correct")));
        }

        long codeCorrect = graded["humaneval"].Correct + graded["mbpp"].Correct;
        Assert.True(codeCorrect > 0);
        Assert.Equal(codeCorrect, recorder.Sum(AgoraBenchTelemetry.SandboxProgramsInstrument, (AgoraBenchTelemetry.VerdictAttribute, "passed")));

        // Pairwise judging: every game counted once with its verdict, judged by the plan's judge.
        Assert.NotEmpty(judgings);
        Assert.All(judgings, j => Assert.Equal("pair-judge", Tag(j, AgoraBenchTelemetry.RequestModelAttribute)));
        Assert.Equal(judgings.Sum(j => Convert.ToInt64(j.GetTagItem(AgoraBenchTelemetry.ItemsAttribute), CultureInfo.InvariantCulture)), recorder.Sum(AgoraBenchTelemetry.JudgmentsInstrument));
        decimal evaluationUsd = evaluations.Sum(s => Summary(dir, s.Id)["usd"]?.GetValue<decimal>() ?? 0m);
        Assert.Equal((double)evaluationUsd, recorder.Sum(AgoraBenchTelemetry.CostInstrument, (AgoraBenchTelemetry.StageAttribute, "evaluate")), 9);

        // One duration per executed step, by stage.
        foreach (var stage in result.Steps.GroupBy(s => s.Stage))
        {
            Assert.Equal(stage.Count(), recorder.Count(AgoraBenchTelemetry.StepDurationInstrument, (AgoraBenchTelemetry.StageAttribute, RunStages.ToName(stage.Key)), (AgoraBenchTelemetry.OutcomeAttribute, "done")));
        }

        // The GenAI client metrics come from the same meter.
        Assert.True(recorder.Count("gen_ai.client.operation.duration") >= attempts.Length);

        // No key in any tag or status, and no URL with user info.
        foreach (var span in spans)
        {
            Assert.DoesNotContain(StudyFixture.SecretValue, span.StatusDescription ?? string.Empty, StringComparison.Ordinal);
            foreach (var (name, value) in span.TagObjects)
            {
                string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.DoesNotContain(StudyFixture.SecretValue, text, StringComparison.Ordinal);
                Assert.DoesNotContain("@", name == "server.address" ? text : string.Empty, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AFailedStep_IsAnErrorSpan_WithItsRedactedReason_AndNoSecretInAnyTag()
    {
        const string Password = "s3cret-in-url-5521";
        File.WriteAllText(_study.TrainerScript, File.ReadAllText(_study.TrainerScript).Replace("\"$STUDENT_ENDPOINT\"", "\"$(echo \"$STUDENT_ENDPOINT\" | sed 's#://#://user:" + Password + "@#')\"", StringComparison.Ordinal));
        using var recorder = new Recorder();
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(), CancellationToken.None);
        var runner = new AgoraBenchRunner(plan, _study.RunDirectory("telemetry-failed"), new AgoraBenchRunnerOptions { Environment = Environment }.UseOpenAI(Environment));
        RunResult result;
        using (recorder.StartRoot())
        {
            result = await runner.RunAsync([RunStage.Generate, RunStage.Metrics, RunStage.Export, RunStage.Train]);
        }

        var failed = result.Steps.Where(s => s.Status == RunStepStatus.Failed).ToArray();
        Assert.NotEmpty(failed);
        Assert.All(failed, s => Assert.Equal(RunStage.Train, s.Stage));
        var spans = recorder.Spans;
        var failedSpans = spans.Where(s => s.OperationName == AgoraBenchTelemetry.StepSpan && s.Status == ActivityStatusCode.Error).ToArray();
        Assert.Equal(failed.Select(s => s.Id).Order(StringComparer.Ordinal), failedSpans.Select(s => (string)s.GetTagItem(AgoraBenchTelemetry.StepIdAttribute)!).Order(StringComparer.Ordinal));
        foreach (var span in failedSpans)
        {
            Assert.Equal("failed", span.GetTagItem(AgoraBenchTelemetry.OutcomeAttribute));
            Assert.Equal("step_failed", span.GetTagItem("error.type"));
            Assert.Contains("api_key_env", span.StatusDescription, StringComparison.Ordinal);
        }

        Assert.Equal(failed.Length, recorder.Count(AgoraBenchTelemetry.StepDurationInstrument, (AgoraBenchTelemetry.OutcomeAttribute, "failed")));
        Assert.Equal(result.Steps.Count(s => s.Stage == RunStage.Train), spans.Count(s => s.OperationName == AgoraBenchTelemetry.TrainingSpan));
        foreach (var span in spans)
        {
            Assert.DoesNotContain(Password, span.StatusDescription ?? string.Empty, StringComparison.Ordinal);
            Assert.All(span.TagObjects, t => Assert.DoesNotContain(Password, Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void WithoutListeners_ClientsGetNoTelemetryLayer_AndNothingIsRecorded()
    {
        var factory = new OpenAIModelClientFactory(Environment);
        var endpoint = new ModelEndpoint { Model = "m", Endpoint = new Uri("http://127.0.0.1:9/v1"), ApiKeyEnvironmentVariable = StudyFixture.KeyVariable };

        Assert.False(AgoraBenchTelemetry.HasListeners());
        using (var quiet = factory.CreateChatClient(endpoint, ModelRole.Generator))
        {
            Assert.Null(quiet.GetService<OpenTelemetryChatClient>());
        }

        Assert.Null(Telemetry.Source.StartActivity(AgoraBenchTelemetry.StepSpan));

        using var recorder = new Recorder();
        Assert.True(AgoraBenchTelemetry.HasListeners());
        using var observed = factory.CreateChatClient(endpoint, ModelRole.Generator);
        Assert.NotNull(observed.GetService<OpenTelemetryChatClient>());
    }

    private static JsonObject Summary(string runDirectory, string stepId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "steps", stepId.Replace(':', '.').Replace('/', '.') + ".json")))!["summary"]!.AsObject();

    /// <summary>Collects the spans and measurements of one trace, started by <see cref="StartRoot"/>.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly ActivityListener _spans;
        private readonly MeterListener _meters;
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
        private ActivityTraceId _trace;

        public Recorder()
        {
            _spans = new ActivityListener
            {
                ShouldListenTo = s => s.Name == AgoraBenchTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                    options.Parent != default && options.Parent.TraceId == _trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
                ActivityStopped = a => { if (a.TraceId == _trace) { _stopped.Enqueue(a); } },
            };
            ActivitySource.AddActivityListener(_spans);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == AgoraBenchTelemetry.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((i, v, t, _) => Keep(i, v, t));
            _meters.SetMeasurementEventCallback<int>((i, v, t, _) => Keep(i, v, t));
            _meters.SetMeasurementEventCallback<double>((i, v, t, _) => Keep(i, v, t));
            _meters.Start();
        }

        public ActivitySpanId RootSpanId { get; private set; }

        public IReadOnlyList<Activity> Spans => [.. _stopped];

        public Activity StartRoot()
        {
            var root = new Activity("telemetry-test");
            root.SetIdFormat(ActivityIdFormat.W3C);
            _trace = ActivityTraceId.CreateRandom();
            root.SetParentId(_trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
            root.Start();
            RootSpanId = root.SpanId;
            return root;
        }

        public double Sum(string instrument, params (string Name, string Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

        public int Count(string instrument, params (string Name, string Value)[] tags) => Matching(instrument, tags).Count();

        public void Dispose()
        {
            _meters.Dispose();
            _spans.Dispose();
        }

        private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, (string Name, string Value)[] tags) =>
            _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(k => k.Key == t.Name && Equals(k.Value?.ToString(), t.Value))));

        private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            // Only what this test's run measured: its spans are current while it records.
            if (Activity.Current is { } current && current.TraceId == _trace)
            {
                _measurements.Enqueue((instrument.Name, value, tags.ToArray()));
            }
        }
    }
}
