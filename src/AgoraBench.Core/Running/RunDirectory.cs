using System.Text;

namespace AgoraBench;

/// <summary>The layout of a run folder; every path a step reads or writes comes from here.</summary>
internal sealed class RunDirectory(string root)
{
    internal string Root { get; } = Path.GetFullPath(root);

    internal string Manifest => Path.Combine(Root, "manifest.json");

    internal string PlanCopy => Path.Combine(Root, "plan.json");

    internal string Steps => Path.Combine(Root, "steps");

    internal string Cache => Path.Combine(Root, "cache");

    internal string Log => Path.Combine(Root, "run.log");

    internal string Cell(string generator, AgoraBenchSetting setting) =>
        Path.Combine(Root, "cells", Slug(generator), AgoraBenchNames.ToName(setting.Method) + "-" + AgoraBenchNames.ToName(setting.Domain));

    internal string Data(string generator, AgoraBenchSetting setting) => Path.Combine(Cell(generator, setting), "data.jsonl");

    internal string Metrics(string generator, AgoraBenchSetting setting) => Path.Combine(Cell(generator, setting), "metrics.json");

    internal string Sft(string generator, AgoraBenchSetting setting) => Path.Combine(Cell(generator, setting), "train.jsonl");

    /// <summary>A student's <c>student.json</c>; the first training run of a cell keeps the plain name, so a study that adds repeats keeps its first students.</summary>
    internal string Student(string generator, AgoraBenchSetting setting, int repeat = 1) =>
        Path.Combine(Cell(generator, setting), repeat == 1 ? "student.json" : $"student.r{repeat}.json");

    internal string Training(string generator, AgoraBenchSetting setting, int repeat = 1) =>
        Path.Combine(Cell(generator, setting), repeat == 1 ? "training" : $"training-r{repeat}");

    /// <summary>The folder of one evaluated model's results: a cell's student (per training run), the base or reference model, or a generator as a problem solver.</summary>
    internal string Evaluation(ModelRole role, string? generator, AgoraBenchSetting? setting, int repeat = 1) => role switch
    {
        ModelRole.Student => Path.Combine(Cell(generator!, setting!), repeat == 1 ? "eval" : $"eval-r{repeat}"),
        ModelRole.Base => Path.Combine(Root, "baselines", "base"),
        ModelRole.Reference => Path.Combine(Root, "baselines", "reference"),
        _ => Path.Combine(Root, "problem-solving", Slug(generator!)),
    };

    internal string Pgr => Path.Combine(Root, "pgr");

    internal string AnalysisTables => Path.Combine(Root, "analysis");

    internal string Report => Path.Combine(Root, "report");

    internal string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    internal string Absolute(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>A file-system-safe, lower-case form of a name: letters, digits, '.', '_' and '-' kept, runs of anything else become one '-'.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The slug.</returns>
    internal static string Slug(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        string slug = text.ToString().Trim('-', '.');
        return slug.Length == 0 ? "unnamed" : slug;
    }
}
