namespace AgoraBench;

/// <summary>What a run did: every step's final state and, when the study is complete enough, its leaderboard and findings, read from the files the steps wrote.</summary>
public sealed class RunResult
{
    internal RunResult()
    {
    }

    /// <summary>Gets the run folder.</summary>
    public string RunDirectory { get; internal init; } = null!;

    /// <summary>Gets every step of the plan with its state after the run.</summary>
    public IReadOnlyList<RunStepInfo> Steps { get; internal init; } = null!;

    /// <summary>Gets the stages that were asked for.</summary>
    public IReadOnlyList<RunStage> Stages { get; internal init; } = null!;

    /// <summary>Gets the PGR leaderboard, or <see langword="null"/> when the PGR stage has not run.</summary>
    public PgrReport? Leaderboard { get; internal init; }

    /// <summary>Gets the analysis findings in words, as the report step wrote them to <c>results.json</c>; empty when the report stage has not run.</summary>
    public IReadOnlyList<string> Findings { get; internal init; } = [];

    /// <summary>Gets what the report step could not analyse and why, as written to <c>results.json</c>; empty when the report stage has not run.</summary>
    public IReadOnlyList<AnalysisDiagnostic> AnalysisDiagnostics { get; internal init; } = [];

    /// <summary>Gets the folder holding <c>report.html</c>, or <see langword="null"/> when no report was written.</summary>
    public string? ReportDirectory { get; internal init; }

    /// <summary>Gets the measured spend so far, by stage, generator and setting.</summary>
    public IReadOnlyList<RunCost> Costs { get; internal init; } = [];

    /// <summary>Gets the ids of the steps this run was asked to do: those of the requested stages, in its shard.</summary>
    public IReadOnlyCollection<string> Requested { get; internal init; } = [];

    /// <summary>Gets a value indicating whether every step this run was asked to do is done.</summary>
    public bool Succeeded => Steps.Where(s => Requested.Contains(s.Id)).All(s => s.Status == RunStepStatus.Done);
}
