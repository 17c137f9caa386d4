using Microsoft.Extensions.Options;

namespace AgoraBench;

/// <summary>Checks <see cref="AgoraBenchOptions"/> and reports every problem at once.</summary>
internal sealed class AgoraBenchOptionsValidator : IValidateOptions<AgoraBenchOptions>
{
    public ValidateOptionsResult Validate(string? name, AgoraBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Settings is null || options.Settings.Count == 0)
        {
            failures.Add("AgoraBenchOptions.Settings must name at least one setting.");
        }
        else
        {
            if (options.Settings.Any(s => s is null))
            {
                failures.Add("AgoraBenchOptions.Settings must not contain null.");
            }

            var duplicates = options.Settings.Where(s => s is not null).GroupBy(s => s.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            if (duplicates.Length > 0)
            {
                failures.Add($"AgoraBenchOptions.Settings lists {string.Join(", ", duplicates)} more than once.");
            }
        }

        if (options.InstancesPerSetting <= 0)
        {
            failures.Add($"AgoraBenchOptions.InstancesPerSetting must be positive; it is {options.InstancesPerSetting}.");
        }

        if (options.Pgr is null)
        {
            failures.Add("AgoraBenchOptions.Pgr must not be null.");
        }
        else
        {
            if (!Enum.IsDefined(options.Pgr.Aggregation))
            {
                failures.Add($"AgoraBenchOptions.Pgr.Aggregation has the undefined value {(int)options.Pgr.Aggregation}; use MeanOfPgr or PgrOfMean.");
            }

            failures.AddRange(options.Pgr.Validate().Select(p => "AgoraBenchOptions.Pgr." + p));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
