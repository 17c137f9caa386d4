using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// A whole study served by <c>../shared/tools/study_fake.py</c> in a child process: one setting (instance generation,
/// math), two generators, the command trainer <c>fake_train.py</c> and GSM8K, with the accuracies set on the command
/// line so every score is known in advance. Killed by its process id when disposed.
/// </summary>
internal sealed class StudyFake : IAsyncDisposable
{
    /// <summary>The accuracy each model answers with.</summary>
    public static readonly IReadOnlyDictionary<string, double> Accuracies = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["base-model"] = 0.2,
        ["reference-model"] = 0.8,
        ["student-gen-a-instance-generation-math"] = 0.6,
        ["student-gen-b-instance-generation-math"] = 0.4,
    };

    public const int Instances = 20;
    public const int Problems = 40;
    public const int Concurrency = 4;

    private readonly StudyFakeProcess _fake;

    private StudyFake(string root, StudyFakeProcess fake)
    {
        Root = root;
        _fake = fake;
    }

    public string Root { get; }

    public string Endpoint => _fake.Url;

    public string StatsPath => _fake.StatsPath;

    public static string Shared(string relative) => SharedData.Path(relative);

    public static async Task<StudyFake> StartAsync(params string[] extra)
    {
        string root = Directory.CreateTempSubdirectory("agorabench-fake-study-").FullName;
        string[] args =
        [
            "--benchmark", "gsm8k=" + Shared("datasets/gsm8k/test.jsonl"),
            .. Accuracies.SelectMany(a => new[] { "--accuracy", $"{a.Key}={a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}" }),
            .. extra,
        ];
        var fake = await StudyFakeProcess.StartAsync(Shared("tools/study_fake.py"), root, args);
        var seeds = File.ReadLines(Shared("datasets/gsm8k/train.jsonl")).Take(30);
        await File.WriteAllLinesAsync(Path.Combine(root, "seeds.jsonl"), seeds);
        return new StudyFake(root, fake);
    }

    /// <summary>The plan: one setting, no metrics, no prices, no problem solving.</summary>
    public JsonObject Plan(string trainArguments = "")
    {
        string train = $"'{RepositoryPaths.Python}' '{Shared("tools/fake_train.py")}' {{data}} {{output_dir}} {{run_name}} --url '{Endpoint}'{trainArguments}";
        return new JsonObject
        {
            ["name"] = "fake study",
            ["settings"] = new JsonArray("instance-generation/math"),
            ["instances"] = Instances,
            ["seeds"] = new JsonObject { ["instance-generation/math"] = "seeds.jsonl" },
            ["generators"] = new JsonArray(
                new JsonObject { ["name"] = "gen-a", ["endpoint"] = Endpoint, ["concurrency"] = Concurrency },
                new JsonObject { ["name"] = "gen-b", ["endpoint"] = Endpoint, ["concurrency"] = Concurrency }),
            ["training"] = new JsonObject { ["trainer"] = "command", ["command"] = train },
            ["evaluation"] = new JsonObject
            {
                ["base"] = new JsonObject { ["model"] = "base-model", ["endpoint"] = Endpoint },
                ["reference"] = new JsonObject { ["model"] = "reference-model", ["endpoint"] = Endpoint },
                ["benchmarks"] = new JsonObject { ["gsm8k"] = new JsonObject { ["problems"] = Shared("datasets/gsm8k/test.jsonl"), ["limit"] = Problems } },
            },
        };
    }

    public string WritePlan(JsonObject plan, string name = "plan.json")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, plan.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    public async Task<JsonElement> StatsAsync()
    {
        using var http = new HttpClient();
        string text = await http.GetStringAsync(Endpoint + "/_fake/stats");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The process of <c>agorabench</c> itself (not in this test process), so that it can be killed with SIGKILL.</summary>
    public static Process StartCli(params string[] args) => StartCli(new Dictionary<string, string>(), args);

    /// <summary>The process of <c>agorabench</c> with more environment variables.</summary>
    public static Process StartCli(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = CliProcess.StartInfo(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public ValueTask DisposeAsync()
    {
        _fake.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still hold a file for a moment; the temp folder is cleaned later.
        }

        return ValueTask.CompletedTask;
    }
}
