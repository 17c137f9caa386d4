namespace AgoraBench;

/// <summary>
/// The names under which AgoraBench publishes traces and metrics: one <see cref="System.Diagnostics.ActivitySource"/>
/// and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named <see cref="Name"/> and versioned with the
/// assembly. The span, instrument and tag names under them are documented in docs/telemetry.md (a listener filters on
/// <see cref="Name"/> and reads the names from the spans and instruments it receives).
/// </summary>
/// <remarks>
/// With OpenTelemetry .NET, listen with <c>AddSource(AgoraBenchTelemetry.Name)</c> on the tracer provider and
/// <c>AddMeter(AgoraBenchTelemetry.Name)</c> on the meter provider. Calls to language models made through the clients of
/// <c>AgoraBench.OpenAI</c> are traced by Microsoft.Extensions.AI's <c>OpenTelemetryChatClient</c> under the same source
/// and meter, following the OpenTelemetry GenAI semantic conventions (<c>chat {model}</c> spans,
/// <c>gen_ai.client.operation.duration</c> and <c>gen_ai.client.token.usage</c>). Nothing is recorded, and nothing
/// allocated for it, while no listener is attached. No tag ever holds an API key, a prompt, or a URL's user info.
/// </remarks>
public static class AgoraBenchTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "AgoraBench";

    /// <summary>The span of one <c>AgoraBenchRunner.RunAsync</c> call; every step span is its child.</summary>
    internal const string RunSpan = "agorabench.run";

    /// <summary>The span of one run step that executes (steps that are up to date or blocked get none).</summary>
    internal const string StepSpan = "agorabench.step";

    /// <summary>The span of one generation attempt (one request to the generator for one item).</summary>
    internal const string GenerationAttemptSpan = "agorabench.generation.attempt";

    /// <summary>The span of one intrinsic metric computed over a dataset.</summary>
    internal const string MetricSpan = "agorabench.metric";

    /// <summary>The span of one student training.</summary>
    internal const string TrainingSpan = "agorabench.training";

    /// <summary>The span of grading one benchmark's predictions (answer checks, the code sandbox or a rubric judge).</summary>
    internal const string GradingSpan = "agorabench.evaluation.grading";

    /// <summary>The span of a pairwise judge playing a benchmark's games.</summary>
    internal const string JudgingSpan = "agorabench.evaluation.judging";

    /// <summary>Attribute: the run step's id, for example <c>generate.gen-a.instance-generation-math</c>.</summary>
    internal const string StepIdAttribute = "agorabench.step.id";

    /// <summary>Attribute: the run stage (<c>generate</c>, <c>metrics</c>, <c>export</c>, <c>train</c>, <c>evaluate</c>, <c>pgr</c>, <c>analyze</c>, <c>report</c>).</summary>
    internal const string StageAttribute = "agorabench.stage";

    /// <summary>Attribute: how a step or an item ended (<c>done</c>/<c>failed</c>/<c>cancelled</c> for steps; <c>accepted</c>/<c>rejected</c>/<c>transport_error</c>/<c>refused</c> for generation attempts; <c>correct</c>/<c>incorrect</c>/<c>unscored</c> for graded samples).</summary>
    internal const string OutcomeAttribute = "agorabench.outcome";

    /// <summary>Attribute: the setting, as <c>method/domain</c> (for example <c>instance-generation/math</c>).</summary>
    internal const string SettingAttribute = "agorabench.setting";

    /// <summary>Attribute: the generator's name in the plan.</summary>
    internal const string GeneratorAttribute = "agorabench.generator";

    /// <summary>Attribute: the generation item's id.</summary>
    internal const string ItemAttribute = "agorabench.item";

    /// <summary>Attribute: the attempt number of a generation item (1 for its first prompt).</summary>
    internal const string AttemptAttribute = "agorabench.attempt";

    /// <summary>Attribute: why a completion was rejected (the rejection code written to the attempt log).</summary>
    internal const string RejectionAttribute = "agorabench.rejection";

    /// <summary>Attribute: an intrinsic metric's name.</summary>
    internal const string MetricAttribute = "agorabench.metric";

    /// <summary>Attribute: the model id of the student a training produced.</summary>
    internal const string StudentModelAttribute = "agorabench.student.model";

    /// <summary>Attribute: a benchmark's id.</summary>
    internal const string BenchmarkAttribute = "agorabench.benchmark";

    /// <summary>Attribute: the number of items a span worked on (instances scored, samples graded, games judged).</summary>
    internal const string ItemsAttribute = "agorabench.items";

    /// <summary>Attribute: a sandbox program's verdict (<c>passed</c>, <c>failed</c>, <c>timeout</c>) or a pairwise verdict (<c>A&gt;&gt;B</c> … <c>B&gt;&gt;A</c>, <c>none</c>).</summary>
    internal const string VerdictAttribute = "agorabench.verdict";

    /// <summary>Attribute (GenAI semantic conventions): the model a span's requests name.</summary>
    internal const string RequestModelAttribute = "gen_ai.request.model";

    /// <summary>Attribute (GenAI semantic conventions): input tokens the endpoint reported.</summary>
    internal const string InputTokensAttribute = "gen_ai.usage.input_tokens";

    /// <summary>Attribute (GenAI semantic conventions): output tokens the endpoint reported.</summary>
    internal const string OutputTokensAttribute = "gen_ai.usage.output_tokens";

    /// <summary>Attribute (GenAI semantic conventions): which tokens a token measurement counts (<c>input</c> or <c>output</c>).</summary>
    internal const string TokenTypeAttribute = "gen_ai.token.type";

    /// <summary>Counter of instances generated and accepted, tagged with the setting and generator.</summary>
    internal const string InstancesInstrument = "agorabench.generation.instances";

    /// <summary>Counter of generated completions rejected by validation, tagged with the setting, generator and rejection code.</summary>
    internal const string RejectionsInstrument = "agorabench.generation.rejections";

    /// <summary>Counter of generation requests retried after a transport failure, tagged with the setting and generator.</summary>
    internal const string RetriesInstrument = "agorabench.generation.retries";

    /// <summary>Counter of tokens the generator's endpoint reported, tagged with the setting, generator and token type.</summary>
    internal const string TokensInstrument = "agorabench.generation.tokens";

    /// <summary>Counter of money spent, in US dollars at the plan's prices, tagged with the stage and model.</summary>
    internal const string CostInstrument = "agorabench.cost";

    /// <summary>Counter of graded samples, tagged with the benchmark and outcome.</summary>
    internal const string GradedInstrument = "agorabench.evaluation.graded";

    /// <summary>Counter of pairwise games judged, tagged with the verdict.</summary>
    internal const string JudgmentsInstrument = "agorabench.evaluation.judgments";

    /// <summary>Counter of programs run in the Python sandbox, tagged with the verdict.</summary>
    internal const string SandboxProgramsInstrument = "agorabench.sandbox.programs";

    /// <summary>Histogram of the seconds each executed run step took, tagged with the stage and outcome.</summary>
    internal const string StepDurationInstrument = "agorabench.step.duration";

    /// <summary>Gets a value indicating whether an <see cref="System.Diagnostics.ActivityListener"/> or a <see cref="System.Diagnostics.Metrics.MeterListener"/> listens to AgoraBench now.</summary>
    /// <returns><see langword="true"/> when spans or measurements would be recorded.</returns>
    /// <remarks>Client factories add OpenTelemetry middleware to the clients they build only then, so attach listeners before a run starts.</remarks>
    public static bool HasListeners() => Telemetry.HasListeners();
}
