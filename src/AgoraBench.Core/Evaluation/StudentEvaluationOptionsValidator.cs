using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="StudentEvaluationOptions"/>, listing every problem at once.</summary>
internal sealed class StudentEvaluationOptionsValidator : OptionsRules<StudentEvaluationOptions>
{
    public static readonly StudentEvaluationOptionsValidator Instance = new();

    protected override void Check(StudentEvaluationOptions options, List<string> problems)
    {
        if (options.Temperature is < 0 or float.NaN)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Temperature must be at least 0 (was {options.Temperature})."));
        }

        if (!(options.TopP > 0 && options.TopP <= 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"TopP must be in (0, 1] (was {options.TopP})."));
        }

        if (options.MaxOutputTokens < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxOutputTokens must be at least 1 (was {options.MaxOutputTokens})."));
        }

        if (options.Concurrency < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Concurrency must be at least 1 (was {options.Concurrency})."));
        }

        RetryRules.Check(problems, options.MaxRetries, options.RetryDelay, options.MaxRetryDelay);

        if (options.FewShotExamples is null)
        {
            problems.Add("FewShotExamples is required.");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider is required.");
        }
    }
}
