using System.Globalization;
using Microsoft.Extensions.Options;

namespace AgoraBench.Onnx;

/// <summary>Checks <see cref="OnnxLogProbabilityScorerOptions"/>, listing every problem at once.</summary>
internal sealed class OnnxLogProbabilityScorerOptionsValidator : IValidateOptions<OnnxLogProbabilityScorerOptions>
{
    public static readonly OnnxLogProbabilityScorerOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, OnnxLogProbabilityScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.BeginningOfSequenceId is < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BeginningOfSequenceId must not be negative (was {options.BeginningOfSequenceId})."));
        }

        if (options.MaxSequenceLength < 2)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxSequenceLength must be at least 2 (was {options.MaxSequenceLength})."));
        }

        if (options.Concurrency < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Concurrency must be at least 1 (was {options.Concurrency})."));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, or returns the options.</summary>
    public OnnxLogProbabilityScorerOptions ThrowIfInvalid(OnnxLogProbabilityScorerOptions options, string parameterName)
    {
        if (Validate(null, options) is { Failed: true } result)
        {
            throw new ArgumentException("Invalid ONNX scorer options:" + Environment.NewLine + string.Join(Environment.NewLine, result.Failures.Select(p => " - " + p)), parameterName);
        }

        return options;
    }
}
