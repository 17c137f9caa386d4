using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>Fills a command template's <c>{placeholders}</c> with shell-quoted values.</summary>
internal static partial class CommandTemplateRenderer
{
    public static IReadOnlySet<string> PlaceholdersIn(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out string? value) ? Quote(value) : m.Value);

    public static Dictionary<string, string> Values(StudentTrainingRequest request, string data, string outputDir, string workDir, string runName, SftFormat format)
    {
        var h = request.Hyperparameters;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["data"] = data,
            ["output_dir"] = outputDir,
            ["work_dir"] = workDir,
            ["base_model"] = request.BaseModel,
            ["epochs"] = h.Epochs.ToString(CultureInfo.InvariantCulture),
            ["learning_rate"] = h.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            ["batch_size"] = h.BatchSize.ToString(CultureInfo.InvariantCulture),
            ["gradient_accumulation"] = h.GradientAccumulationSteps.ToString(CultureInfo.InvariantCulture),
            ["max_seq_length"] = h.MaxSequenceLength.ToString(CultureInfo.InvariantCulture),
            ["seed"] = h.Seed.ToString(CultureInfo.InvariantCulture),
            ["run_name"] = runName,
            ["format"] = SftExporter.ToName(format),
        };
    }

    /// <summary>POSIX single-quoting: safe for any value, including spaces and quotes.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+@%,".Contains(c, StringComparison.Ordinal)))
        {
            return value;
        }

        return new StringBuilder("'").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'').ToString();
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
