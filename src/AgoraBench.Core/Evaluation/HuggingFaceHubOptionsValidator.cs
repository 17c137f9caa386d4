using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="HuggingFaceHubOptions"/>, listing every problem at once.</summary>
internal sealed class HuggingFaceHubOptionsValidator : OptionsRules<HuggingFaceHubOptions>
{
    public static readonly HuggingFaceHubOptionsValidator Instance = new();

    protected override void Check(HuggingFaceHubOptions options, List<string> problems)
    {
        if (options.Endpoint is not { IsAbsoluteUri: true })
        {
            problems.Add("Endpoint must be an absolute URL.");
        }

        if (options.DatasetsServer is not { IsAbsoluteUri: true })
        {
            problems.Add("DatasetsServer must be an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            problems.Add("CacheDirectory must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.TokenEnvironmentVariable))
        {
            problems.Add("TokenEnvironmentVariable must not be empty.");
        }

        if (options.PageSize < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"PageSize must be at least 1 (was {options.PageSize})."));
        }
    }
}
