using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="PythonSandboxOptions"/>, listing every problem at once.</summary>
internal sealed class PythonSandboxOptionsValidator : OptionsRules<PythonSandboxOptions>
{
    public static readonly PythonSandboxOptionsValidator Instance = new();

    protected override void Check(PythonSandboxOptions options, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.Python))
        {
            problems.Add("Python must not be empty.");
        }

        if (options.Workers < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Workers must be at least 1 (was {options.Workers})."));
        }
    }
}
