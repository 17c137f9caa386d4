using Microsoft.Extensions.Options;

namespace AgoraBench.Onnx.Tests;

/// <summary>The ONNX package's options are checked the way the core library's are (see OptionsValidationCoverageTests there).</summary>
public sealed class OnnxOptionsValidationTests
{
    [Fact]
    public void EveryOptionsClass_HasAValidator_AndItListsEveryProblem()
    {
        var assembly = typeof(OnnxLogProbabilityScorerOptions).Assembly;
        var options = assembly.GetTypes().Where(t => t.IsClass && t.IsPublic && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(options);
        foreach (var type in options)
        {
            Assert.True(
                assembly.GetTypes().Any(t => !t.IsAbstract && typeof(IValidateOptions<>).MakeGenericType(type).IsAssignableFrom(t)),
                type.FullName + " has no IValidateOptions<T>");
        }

        var error = Assert.Throws<ArgumentException>(() => OnnxLogProbabilityScorer.FromDirectory(Path.GetTempPath(), new OnnxLogProbabilityScorerOptions { MaxSequenceLength = 1, Concurrency = 0, BeginningOfSequenceId = -1 }));
        Assert.Contains("MaxSequenceLength must be at least 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Concurrency must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("BeginningOfSequenceId must not be negative", error.Message, StringComparison.Ordinal);
    }
}
