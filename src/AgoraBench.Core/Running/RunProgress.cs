namespace AgoraBench;

/// <summary>A progress report of a run: a step started, advanced, finished, was skipped or failed.</summary>
/// <param name="Step">The step, with its current status.</param>
/// <param name="Completed">Units done so far (instances, problems, metrics), or <see langword="null"/>.</param>
/// <param name="Total">Units in all, or <see langword="null"/> when unknown.</param>
/// <param name="Message">A short note (a training log line, a skip reason), or <see langword="null"/>.</param>
public sealed record RunProgress(RunStepInfo Step, int? Completed = null, int? Total = null, string? Message = null);
