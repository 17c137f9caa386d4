using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary>The scale-out options shared by generate, score, evaluate and run: back end, batch state, replicas, shards.</summary>
internal static class ScaleOutOptions
{
    public static Option<string> Backend() => new Option<string>("--backend")
    {
        Description = "online (one request per call) or batch (the provider's batch API: half price, answers within 24 h; the run waits and resumes).",
        DefaultValueFactory = _ => "online",
        HelpName = "online|batch",
    }.AcceptOnlyFromAmong("online", "batch");

    public static Option<string?> BatchDirectory() => new("--batch-dir")
    {
        Description = "Where the batch back end keeps its submitted batches and answers (default: OUT.batch); rerunning with it re-attaches to running batches.",
        HelpName = "DIR",
    };

    public static Option<double> BatchPoll() => new("--batch-poll")
    {
        Description = "Seconds between the batch back end's status polls (it backs off to 5 minutes while nothing changes).",
        DefaultValueFactory = _ => 30,
        HelpName = "SECONDS",
    };

    public static Option<string?> Shard(string what) => new("--shard")
    {
        Description = $"Do only shard i of N ({what}, dealt out by position); merge the shards with 'agorabench merge'. Default in a Slurm job array: from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT; in a Kubernetes Indexed Job: from JOB_COMPLETION_INDEX with {SchedulerShard.CountVariable}.",
        HelpName = "i/N",
    };

    /// <summary>
    /// Parses <c>--shard</c>, adding a problem when it is malformed. Without it, a Slurm array task or a Kubernetes
    /// Indexed Job pod does its own shard (see <see cref="SchedulerShard"/>), and says so on <paramref name="note"/>.
    /// </summary>
    public static ShardSpec ParseShard(string? text, List<DataError> problems, TextWriter? note = null, Func<string, string?>? environment = null)
    {
        if (text is null)
        {
            if (SchedulerShard.FromEnvironment(environment ?? Environment.GetEnvironmentVariable, problems) is not { } scheduled)
            {
                return ShardSpec.Whole;
            }

            note?.WriteLine($"shard {scheduled.Shard} from {scheduled.Origin} (--shard overrides it)");
            text = scheduled.Shard;
        }

        if (ShardSpec.TryParse(text, out var shard))
        {
            return shard;
        }

        problems.Add(new DataError(null, null, "--shard", $"'{text}' is not a shard; write i/N with 1 <= i <= N, for example 2/4"));
        return ShardSpec.Whole;
    }

    /// <summary>Parses one or more <c>--endpoint</c> values (several are replicas of one model), adding a problem for each malformed one.</summary>
    public static List<Uri> ParseEndpoints(IEnumerable<string>? texts, List<DataError> problems)
    {
        var endpoints = new List<Uri>();
        foreach (string text in texts ?? [])
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                endpoints.Add(uri);
            }
            else
            {
                problems.Add(new DataError(null, null, "--endpoint", $"'{text}' is not an absolute http(s) URL"));
            }
        }

        return endpoints;
    }
}
