using System.Diagnostics.CodeAnalysis;

namespace AgoraBench;

/// <summary>Names of the <see cref="RunStage"/>s.</summary>
public static class RunStages
{
    /// <summary>Gets every stage, in order.</summary>
    internal static IReadOnlyList<RunStage> All { get; } = [RunStage.Generate, RunStage.Metrics, RunStage.Export, RunStage.Train, RunStage.Evaluate, RunStage.Pgr, RunStage.Analyze, RunStage.Report];

    /// <summary>Gets a stage's stable name, for example <c>generate</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public static string ToName(RunStage stage) => stage switch
    {
        RunStage.Generate => "generate",
        RunStage.Metrics => "metrics",
        RunStage.Export => "export",
        RunStage.Train => "train",
        RunStage.Evaluate => "evaluate",
        RunStage.Pgr => "pgr",
        RunStage.Analyze => "analyze",
        RunStage.Report => "report",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>Parses a stage name (case-insensitive).</summary>
    /// <param name="text">The name.</param>
    /// <param name="stage">The stage.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a stage.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out RunStage stage)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(ToName(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }
}
