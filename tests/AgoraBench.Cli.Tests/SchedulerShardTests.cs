using AgoraBench.Cli.Commands;

namespace AgoraBench.Cli.Tests;

/// <summary><c>--shard</c> defaults from a Slurm job array or a Kubernetes Indexed Job when it is not given.</summary>
public sealed class SchedulerShardTests
{
    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0", "1/4")]
    [InlineData("SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0", "4/4")]
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=8 SLURM_ARRAY_TASK_MIN=1", "1/8")]
    [InlineData("SLURM_ARRAY_TASK_ID=8 SLURM_ARRAY_TASK_COUNT=8 SLURM_ARRAY_TASK_MIN=1", "8/8")]
    [InlineData("SLURM_ARRAY_TASK_ID=14 SLURM_ARRAY_TASK_COUNT=8 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_STEP=2", "8/8")]
    [InlineData("SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=3", "3/3")]
    [InlineData("JOB_COMPLETION_INDEX=0 AGORABENCH_SHARD_COUNT=5", "1/5")]
    [InlineData("JOB_COMPLETION_INDEX=4 AGORABENCH_SHARD_COUNT=5", "5/5")]
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 JOB_COMPLETION_INDEX=0 AGORABENCH_SHARD_COUNT=9", "2/2")]
    public void TheSchedulersVariables_GiveTheShard(string variables, string expected)
    {
        var problems = new List<DataError>();
        var shard = SchedulerShard.FromEnvironment(Environment(variables), problems);
        Assert.Empty(problems);
        Assert.Equal(expected, shard?.Shard);
        Assert.True(ShardSpec.TryParse(shard!.Value.Shard, out _));
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0", "SLURM_ARRAY_TASK_ID", "gives shard 6 of 4")]
    [InlineData("SLURM_ARRAY_TASK_ID=x SLURM_ARRAY_TASK_COUNT=4", "SLURM_ARRAY_TASK_ID", "'x' is not a whole number")]
    [InlineData("SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_COUNT", "is not set")]
    [InlineData("SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_STEP=2", "SLURM_ARRAY_TASK_ID", "not on the array's grid")]
    [InlineData("JOB_COMPLETION_INDEX=1", "AGORABENCH_SHARD_COUNT", "is not set")]
    [InlineData("JOB_COMPLETION_INDEX=3 AGORABENCH_SHARD_COUNT=3", "JOB_COMPLETION_INDEX", "gives shard 4 of 3")]
    [InlineData("JOB_COMPLETION_INDEX=0 AGORABENCH_SHARD_COUNT=0", "JOB_COMPLETION_INDEX", "gives shard 1 of 0")]
    public void InconsistentVariables_AreNamed(string variables, string field, string message)
    {
        var problems = new List<DataError>();
        Assert.Null(SchedulerShard.FromEnvironment(Environment(variables), problems));
        Assert.Contains(problems, p => p.Field == field && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void OutsideAJobArray_ThereIsNoShard_AndAnExplicitShardWins()
    {
        var problems = new List<DataError>();
        Assert.Null(SchedulerShard.FromEnvironment(Environment("HOME=/root SLURM_JOB_ID=7"), problems));
        Assert.True(ScaleOutOptions.ParseShard(null, problems, null, Environment(string.Empty)).IsWhole);

        using var note = new StringWriter();
        var fromSlurm = ScaleOutOptions.ParseShard(null, problems, note, Environment("SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=1"));
        Assert.Equal("2/3", fromSlurm.ToString());
        Assert.Contains("shard 2/3 from SLURM_ARRAY_TASK_ID=2", note.ToString(), StringComparison.Ordinal);
        Assert.Equal("1/2", ScaleOutOptions.ParseShard("1/2", problems, note, Environment("SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=3")).ToString());
        Assert.Empty(problems);
    }

    private static Func<string, string?> Environment(string variables)
    {
        var map = variables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
