using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// The shard a job-array task should do when <c>--shard</c> is not given: a Slurm array task
/// (<c>SLURM_ARRAY_TASK_ID</c>, <c>SLURM_ARRAY_TASK_COUNT</c>, with <c>SLURM_ARRAY_TASK_MIN</c> and
/// <c>SLURM_ARRAY_TASK_STEP</c> for arrays such as <c>--array=1-8</c> or <c>0-14:2</c>), or a Kubernetes Indexed Job
/// pod (<c>JOB_COMPLETION_INDEX</c>, 0-based, with <c>AGORABENCH_SHARD_COUNT</c> set to the job's completions).
/// </summary>
internal static class SchedulerShard
{
    public const string CountVariable = "AGORABENCH_SHARD_COUNT";

    /// <summary>The shard as <c>i/N</c> and the variables it came from, or <see langword="null"/> outside a job array; problems are added for inconsistent variables.</summary>
    public static (string Shard, string Origin)? FromEnvironment(Func<string, string?> environment, List<DataError> problems)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("SLURM_ARRAY_TASK_ID") is { Length: > 0 } slurmId)
        {
            int before = problems.Count;
            long id = Number("SLURM_ARRAY_TASK_ID", slurmId, problems);
            long count = environment("SLURM_ARRAY_TASK_COUNT") is { Length: > 0 } c ? Number("SLURM_ARRAY_TASK_COUNT", c, problems) : Missing("SLURM_ARRAY_TASK_COUNT", "the number of array tasks", problems);
            long min = environment("SLURM_ARRAY_TASK_MIN") is { Length: > 0 } m ? Number("SLURM_ARRAY_TASK_MIN", m, problems) : 0;
            long step = environment("SLURM_ARRAY_TASK_STEP") is { Length: > 0 } s ? Number("SLURM_ARRAY_TASK_STEP", s, problems) : 1;
            if (problems.Count > before)
            {
                return null;
            }

            if (step < 1 || (id - min) % step != 0)
            {
                problems.Add(new DataError(null, null, "SLURM_ARRAY_TASK_ID", string.Create(CultureInfo.InvariantCulture, $"task {id} is not on the array's grid (min {min}, step {step}); give --shard i/N")));
                return null;
            }

            long index = ((id - min) / step) + 1;
            return Checked(index, count, string.Create(CultureInfo.InvariantCulture, $"SLURM_ARRAY_TASK_ID={id}, SLURM_ARRAY_TASK_MIN={min}, SLURM_ARRAY_TASK_COUNT={count}"), "SLURM_ARRAY_TASK_ID", problems);
        }

        if (environment("JOB_COMPLETION_INDEX") is { Length: > 0 } k8sIndex)
        {
            int before = problems.Count;
            long index = Number("JOB_COMPLETION_INDEX", k8sIndex, problems);
            long count = environment(CountVariable) is { Length: > 0 } c
                ? Number(CountVariable, c, problems)
                : Missing(CountVariable, "the Indexed Job's completions (Kubernetes does not pass them to the pod)", problems);
            return problems.Count > before
                ? null
                : Checked(index + 1, count, string.Create(CultureInfo.InvariantCulture, $"JOB_COMPLETION_INDEX={index}, {CountVariable}={count}"), "JOB_COMPLETION_INDEX", problems);
        }

        return null;
    }

    private static (string, string)? Checked(long index, long count, string origin, string field, List<DataError> problems)
    {
        if (count < 1 || index < 1 || index > count || count > int.MaxValue)
        {
            problems.Add(new DataError(null, null, field, $"{origin} gives shard {index.ToString(CultureInfo.InvariantCulture)} of {count.ToString(CultureInfo.InvariantCulture)}, which is not a shard; give --shard i/N"));
            return null;
        }

        return (string.Create(CultureInfo.InvariantCulture, $"{index}/{count}"), origin);
    }

    private static long Number(string name, string text, List<DataError> problems)
    {
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        problems.Add(new DataError(null, null, name, $"'{text}' is not a whole number"));
        return 0;
    }

    private static long Missing(string name, string what, List<DataError> problems)
    {
        problems.Add(new DataError(null, null, name, $"is not set; set it to {what}, or give --shard i/N"));
        return 0;
    }
}
