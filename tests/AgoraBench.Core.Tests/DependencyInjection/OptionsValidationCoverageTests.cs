using System.Reflection;
using AgoraBench.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgoraBench.Tests.DependencyInjection;

/// <summary>Every options class of the shipped libraries is checked one way: by an <see cref="IValidateOptions{TOptions}"/> of its own.</summary>
public sealed class OptionsValidationCoverageTests
{
    public static TheoryData<string> ShippedAssemblies => new() { typeof(AgoraBenchOptions).Assembly.GetName().Name!, typeof(OpenAIBatchOptions).Assembly.GetName().Name! };

    /// <summary>
    /// The instantiable top-level classes whose name ends in <c>Options</c> and that have a parameterless constructor:
    /// the options a user or the library sets. Internal ones count too, so an options class made internal (behind a
    /// façade) stays checked.
    /// </summary>
    internal static IEnumerable<Type> OptionsClasses(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsClass && !t.IsNested && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null);

    internal static Type? ValidatorOf(Type options) =>
        options.Assembly.GetTypes().FirstOrDefault(t => !t.IsAbstract && typeof(IValidateOptions<>).MakeGenericType(options).IsAssignableFrom(t));

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void EveryOptionsClass_HasAValidator_ThatChecksItsDefaults(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var options = OptionsClasses(assembly).ToArray();
        Assert.NotEmpty(options);

        var unvalidated = options.Where(t => ValidatorOf(t) is null).Select(t => t.FullName).ToArray();
        Assert.True(unvalidated.Length == 0, "options classes without an IValidateOptions<T>: " + string.Join(", ", unvalidated));

        foreach (var type in options)
        {
            var validator = Activator.CreateInstance(ValidatorOf(type)!, nonPublic: true)!;
            var instance = Activator.CreateInstance(type)!;
            var result = (ValidateOptionsResult)validator.GetType().GetMethod(nameof(IValidateOptions<object>.Validate))!.Invoke(validator, [null, instance])!;

            // The defaults are valid, except where a value has no sensible default and must be given.
            Assert.True(result.Succeeded || MustBeGiven.Contains(type.Name), $"{type.Name}'s defaults fail: {result.FailureMessage}");
        }
    }

    [Fact]
    public void TheCoreLibrary_HasTheOptionsClassesThisTestWasWrittenFor()
    {
        var names = OptionsClasses(typeof(AgoraBenchOptions).Assembly).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "AgoraBenchOptions", "AgoraBenchRunnerOptions", "EndpointPoolOptions", "PgrCalculationOptions", "JudgeMetricOptions", "StudentEvaluationOptions", "SyntheticDatasetReadOptions" }, names);
    }

    [Fact]
    public void NewlyValidatedOptions_ListEveryProblemAtOnce()
    {
        Assert.Equal(2, BradleyTerryOptionsValidator.Instance.Problems(new BradleyTerryOptions { StrongVerdictWeight = 0, Confidence = 1 }).Count);
        Assert.Equal(3, StudentEvaluationOptionsValidator.Instance.Problems(new StudentEvaluationOptions { TopP = 0, Concurrency = 0, MaxRetries = -1 }).Count);
        Assert.Equal(3, SyntheticDatasetReadOptionsValidator.Instance.Problems(new SyntheticDatasetReadOptions { InstructionField = " ", ResponseField = string.Empty, MaxErrors = 0 }).Count);
        Assert.Equal(2, DiversityMetricOptionsValidator.Instance.Problems(new DiversityMetricOptions { BatchSize = 0, Measure = (DiversityMeasure)7 }).Count);
        Assert.Equal(2, HuggingFaceHubOptionsValidator.Instance.Problems(new HuggingFaceHubOptions { Endpoint = new Uri("relative", UriKind.Relative), PageSize = 0 }).Count);
        Assert.Equal(3, CompletionsLogProbabilityScorerOptionsValidator.Instance.Problems(new CompletionsLogProbabilityScorerOptions { Endpoint = new Uri("http://127.0.0.1/v1"), Model = string.Empty, MaxTokens = 0, RetryDelay = TimeSpan.FromSeconds(-1) }).Count);
        Assert.Equal(2, SftExportOptionsValidator.Instance.Problems(new SftExportOptions { SystemPrompt = null!, MinimumExamples = -1 }).Count);
        Assert.Single(PgrCalculationOptionsValidator.Instance.Problems(new PgrCalculationOptions { Aggregation = (PgrAggregation)9 }));
        Assert.Equal(2, PlanEstimateOptionsValidator.Instance.Problems(new PlanEstimateOptions { AttemptsPerInstance = 0.5, SampleSize = 0 }).Count);
    }

    [Fact]
    public void TheConstructors_CheckTheirOptions_WithEveryProblemInTheMessage()
    {
        var judge = Assert.Throws<ArgumentException>(() => new JudgeMetric(new global::OpenAI.Chat.ChatClient("m", new System.ClientModel.ApiKeyCredential("k"), new global::OpenAI.OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:9/v1") }).AsIChatClient(), JudgeCriterion.ResponseQuality, BenchmarkDomain.Math, new JudgeMetricOptions { MaxAttempts = 0, Concurrency = 0, Template = "{instruction}" }));
        Assert.Contains("MaxAttempts must be at least 1", judge.Message, StringComparison.Ordinal);
        Assert.Contains("Concurrency must be at least 1", judge.Message, StringComparison.Ordinal);
        Assert.Contains("Template lacks {response}, {rubric}", judge.Message, StringComparison.Ordinal);

        var pgr = Assert.Throws<ArgumentException>(() => new PgrCalculator().Calculate([], new PgrCalculationOptions { Aggregation = (PgrAggregation)9 }));
        Assert.Contains("Aggregation has the undefined value 9", pgr.Message, StringComparison.Ordinal);

        var bt = Assert.Throws<ArgumentException>(() => BradleyTerry.Fit([], "base", new BradleyTerryOptions { BootstrapRounds = -1 }));
        Assert.Contains("BootstrapRounds must be at least 0", bt.Message, StringComparison.Ordinal);
    }

    private static readonly HashSet<string> MustBeGiven = new(StringComparer.Ordinal)
    {
        "AgoraBenchRunnerOptions",          // ClientFactory: the host's (UseOpenAI, UseModelClientFactory)
        "CommandStudentTrainerOptions",     // CommandTemplate
        "CompletionsLogProbabilityScorerOptions", // Endpoint and Model
        "GenerationEngineOptions",          // Count, for instance generation
        "OpenAIBatchOptions",               // StateDirectory
    };
}
