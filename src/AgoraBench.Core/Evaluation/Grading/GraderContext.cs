using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>What graders may use: the code sandbox, the judge, the folder relative file options resolve against, and the problems' fields.</summary>
public sealed class GraderContext
{
    internal GraderContext()
    {
    }

    /// <summary>Gets the sandbox that runs code, or <see langword="null"/> when none is available.</summary>
    internal PythonSandbox? Sandbox { get; init; }

    /// <summary>Gets the per-program limits of the sandbox, or <see langword="null"/> for its defaults.</summary>
    internal SandboxLimits? Limits { get; init; }

    /// <summary>Gets the judge model of <c>judge</c> and <c>pairwise</c> graders, or <see langword="null"/>.</summary>
    public IChatClient? Judge { get; internal init; }

    /// <summary>Gets the folder that relative file options (a judge's <c>rubric</c>) resolve against.</summary>
    /// <value>The default value is the current directory.</value>
    public string BaseDirectory { get; internal init; } = Environment.CurrentDirectory;

    /// <summary>Gets the fields the problems file has, used to check the fields a grader names; <see langword="null"/> when unknown.</summary>
    internal IReadOnlyCollection<string>? Fields { get; init; }

    /// <summary>Gets the baseline's answers by problem id (for <c>pairwise</c>), or <see langword="null"/>.</summary>
    internal IReadOnlyDictionary<string, string>? Baseline { get; init; }

    /// <summary>Gets the problems themselves when plan validation checks them (every record must have each field a grader names), or <see langword="null"/>.</summary>
    internal IReadOnlyList<BenchmarkProblem>? Problems { get; init; }

    /// <summary>Gets the problems file named in messages about single records.</summary>
    internal string? ProblemsPath { get; init; }
}
