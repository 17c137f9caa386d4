using AgoraBench.OpenAI;

namespace AgoraBench.Cli.Commands;

/// <summary>Reads plan files with the trainers the tool registers, so a misnamed trainer is reported with the plan's other problems.</summary>
internal static class CliPlans
{
    /// <summary>Gets the runner options every command starts from: the OpenAI clients and the trainers their package registers.</summary>
    /// <returns>Fresh options.</returns>
    public static AgoraBenchRunnerOptions RunnerOptions() => new AgoraBenchRunnerOptions().UseOpenAI();

    /// <summary>Reads and validates a plan file.</summary>
    /// <param name="path">The plan file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan.</returns>
    public static Task<AgoraBenchPlan> ReadAsync(string path, CancellationToken cancellationToken) =>
        AgoraBenchPlanFile.ReadAsync(path, RunnerOptions(), cancellationToken);
}
