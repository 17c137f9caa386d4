using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="CompletionsLogProbabilityScorerOptions"/>, listing every problem at once.</summary>
internal sealed class CompletionsLogProbabilityScorerOptionsValidator : OptionsRules<CompletionsLogProbabilityScorerOptions>
{
    public static readonly CompletionsLogProbabilityScorerOptionsValidator Instance = new();

    protected override void Check(CompletionsLogProbabilityScorerOptions options, List<string> problems)
    {
        if (options.Endpoint is not { IsAbsoluteUri: true })
        {
            problems.Add("Endpoint must be an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            problems.Add("Model must not be empty.");
        }

        if (options.ApiKeyEnvironmentVariable is { } variable && string.IsNullOrWhiteSpace(variable))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"ApiKeyEnvironmentVariable must name a variable or be left unset."));
        }

        if (options.MaxTokens < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxTokens must be at least 1 (was {options.MaxTokens})."));
        }

        RetryRules.Check(problems, options.MaxRetries, options.RetryDelay, options.MaxRetryDelay);

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider is required.");
        }
    }
}
