using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgoraBench.Tests.TestSupport;

/// <summary>
/// A small AGORABENCH study on disk, served by one loopback OpenAI-compatible server: two generators, three settings
/// (instance generation for math, response generation for code, quality enhancement for instruction following),
/// the six benchmarks in their native formats, judges, an embedder, a perplexity scorer, a base model, a reference
/// model and the students a command trainer (a shell script) reports. Every answer is a function of the model and the
/// prompt, so two runs of the same plan produce the same report.
/// </summary>
internal sealed partial class StudyFixture : IAsyncDisposable
{
    public const string SecretValue = "sk-agorabench-e2e-secret-0123456789";
    public const string KeyVariable = "AGORABENCH_E2E_KEY";

    // How many of every ten problems a model gets right (and its answer quality on judged benchmarks, in tens).
    private static readonly Dictionary<string, int> Levels = new(StringComparer.Ordinal)
    {
        ["base-model"] = 2,
        ["reference-model"] = 8,
        ["gen-a-model"] = 7,
        ["gen-b-model"] = 5,
    };

    private readonly Dictionary<string, (string Benchmark, int Index, int Count, string Gold)> _problems = new(StringComparer.Ordinal);

    private StudyFixture(string root, FakeOpenAIServer server)
    {
        Root = root;
        Server = server;
    }

    public string Root { get; }

    public FakeOpenAIServer Server { get; }

    public string PlanPath => Path.Combine(Root, "plan.json");

    public string TrainerScript => Path.Combine(Root, "train_stub.sh");

    public int GenerationRequests;

    public static async Task<StudyFixture> CreateAsync(int instances = 20)
    {
        string root = Directory.CreateTempSubdirectory("agorabench-study-").FullName;
        var server = await FakeOpenAIServer.StartAsync();
        var fixture = new StudyFixture(root, server);
        fixture.WriteFiles(instances);
        server.ChatByModel = fixture.Answer;
        server.Embed = Embed;
        server.Complete = Complete;
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (Environment.GetEnvironmentVariable("AGORABENCH_KEEP_STUDY") is { Length: > 0 })
        {
            // For looking at a run by hand: the folder is left in place.
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process killed by a test may still be letting go of a file; the temp folder is cleaned up later.
        }
    }

    public string RunDirectory(string name) => Path.Combine(Root, "runs", name);

    /// <summary>The plan's JSON, with optional edits.</summary>
    public string PlanJson(int instances = 20, Action<JsonObject>? edit = null)
    {
        string endpoint = Server.Endpoint.ToString();
        JsonObject Model(string model) => new() { ["model"] = model, ["endpoint"] = endpoint, ["apiKeyEnv"] = KeyVariable, ["concurrency"] = 2 };
        var plan = new JsonObject
        {
            ["$schema"] = "../../docs/plan.schema.json",
            ["name"] = "e2e study",
            ["settings"] = new JsonArray("instance-generation/math", "response-generation/code", "quality-enhancement/instruction-following"),
            ["instances"] = instances,
            ["randomSeed"] = 42,
            ["seeds"] = new JsonObject
            {
                ["instance-generation/math"] = "seeds/ig-math.json",
                ["response-generation/code"] = "seeds/rg-code.jsonl",
                ["quality-enhancement/instruction-following"] = "seeds/qe-general.json",
            },
            ["generators"] = new JsonArray(
                new JsonObject { ["name"] = "gen-a", ["model"] = "gen-a-model", ["endpoint"] = endpoint, ["apiKeyEnv"] = KeyVariable, ["price"] = new JsonObject { ["input"] = 1.0, ["output"] = 4.0 }, ["concurrency"] = 1 },
                new JsonObject { ["name"] = "gen-b", ["model"] = "gen-b-model", ["endpoint"] = endpoint, ["apiKeyEnv"] = KeyVariable, ["price"] = new JsonObject { ["input"] = 0.1, ["output"] = 0.4 }, ["concurrency"] = 1 }),
            ["generation"] = new JsonObject { ["maxAttempts"] = 4 },
            ["metrics"] = new JsonObject
            {
                ["names"] = new JsonArray("instruction-difficulty", "response-quality", "response-perplexity", "instruction-diversity", "response-diversity"),
                ["judge"] = Model("metric-judge"),
                ["embedding"] = Model("embedder"),
                ["perplexity"] = Model("scorer"),
                ["concurrency"] = 4,
            },
            ["training"] = new JsonObject
            {
                ["trainer"] = "command",
                ["baseModel"] = "base-model",
                ["command"] = "sh " + TrainerScript + " {output_dir} {run_name} {data}",
                ["format"] = "messages",
                ["environment"] = new JsonObject { ["STUDENT_ENDPOINT"] = endpoint },
                ["timeoutMinutes"] = 5,
            },
            ["evaluation"] = new JsonObject
            {
                ["base"] = Model("base-model"),
                ["reference"] = Model("reference-model"),
                ["judge"] = Model("pair-judge"),
                ["problemSolving"] = true,
                ["bootstrapRounds"] = 20,
                ["benchmarks"] = new JsonObject
                {
                    ["gsm8k"] = new JsonObject { ["problems"] = "bench/gsm8k.jsonl" },
                    ["math"] = new JsonObject { ["problems"] = "bench/math.jsonl" },
                    ["mbpp"] = new JsonObject { ["problems"] = "bench/mbpp.jsonl" },
                    ["humaneval"] = new JsonObject { ["problems"] = "bench/humaneval.jsonl" },
                    ["alpacaeval-2.0"] = new JsonObject { ["problems"] = "bench/alpaca_eval.json" },
                    ["arena-hard"] = new JsonObject { ["problems"] = "bench/arena_hard.jsonl", ["baseline"] = "bench/arena_baseline.jsonl" },
                },
            },
        };
        edit?.Invoke(plan);
        return plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public string WritePlan(int instances = 20, Action<JsonObject>? edit = null, string name = "plan.json")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, PlanJson(instances, edit));
        return path;
    }

    /// <summary>Every file under a folder, relative path → text, for comparing two runs.</summary>
    public static SortedDictionary<string, string> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText), StringComparer.Ordinal);

    private static int Stable(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static float[] Embed(string text)
    {
        var random = new Random(Stable(text));
        return [.. Enumerable.Range(0, 8).Select(_ => (float)(random.NextDouble() - 0.3))];
    }

    private static (string[] Tokens, double?[] LogProbs, int[] Offsets) Complete(string prompt)
    {
        var tokens = new List<string>();
        var logprobs = new List<double?>();
        var offsets = new List<int>();
        for (int i = 0; i < prompt.Length; i += 4)
        {
            string token = prompt.Substring(i, Math.Min(4, prompt.Length - i));
            tokens.Add(token);
            offsets.Add(i);
            logprobs.Add(i == 0 ? null : -(1 + (Stable(token) % 50 / 50.0)));
        }

        return ([.. tokens], [.. logprobs], [.. offsets]);
    }

    public string Answer(string model, string prompt)
    {
        if (model == "metric-judge")
        {
            return $"Feedback: a fair instance. [RESULT] {1 + (Stable(prompt) % 5)}";
        }

        if (model == "pair-judge")
        {
            int a = Quality(Between(prompt, "<|The Start of Assistant A's Answer|>", "<|The End of Assistant A's Answer|>"));
            int b = Quality(Between(prompt, "<|The Start of Assistant B's Answer|>", "<|The End of Assistant B's Answer|>"));
            string verdict = (a - b) switch { > 15 => "[[A>>B]]", > 2 => "[[A>B]]", < -15 => "[[B>>A]]", < -2 => "[[B>A]]", _ => "[[A=B]]" };
            return $"Both answers were read. Final verdict: {verdict}";
        }

        // A benchmark question (zero-shot, or after few-shot demonstrations) is answered at the model's level.
        string question = prompt.EndsWith("\nAnswer:", StringComparison.Ordinal) ? prompt[(prompt.LastIndexOf("Question: ", StringComparison.Ordinal) + 10)..^8] : prompt;
        if (_problems.TryGetValue(question.Trim(), out var problem))
        {
            int level = Level(model);
            bool correct = problem.Index < (int)Math.Round(level / 10.0 * problem.Count);
            return problem.Benchmark switch
            {
                "gsm8k" => correct ? $"Adding them gives {problem.Gold}.\n#### {problem.Gold}" : "I think it is\n#### 999",
                "math" => correct ? $"The result is $\\boxed{{{problem.Gold}}}$." : "The result is $\\boxed{-1}$.",
                "mbpp" or "humaneval" => correct ? $"```python\n{problem.Gold}\n```" : "```python\ndef nothing():\n    return None\n```",
                _ => $"An answer (quality {(10 * level) + (Stable(question) % 11) - 5}) to the request.",
            };
        }

        if (!model.StartsWith("gen-", StringComparison.Ordinal))
        {
            return "I cannot help with that.";
        }

        Interlocked.Increment(ref GenerationRequests);
        int h = Stable(model + prompt);
        if (prompt.Contains("Revised Question:", StringComparison.Ordinal))
        {
            return $"How should one plan topic {h % 997} well?\nRevised Answer: Break topic {h % 997} into steps and check each one. [END]";
        }

        if (prompt.Contains("[NEW INSTANCE]", StringComparison.Ordinal))
        {
            int x = h % 90, y = (h / 90) % 90;
            return $"What is {x} plus {y}, as a whole number?\nOUTPUT: Add the two numbers: {x} + {y} = {x + y}.\n[RESULT] {x + y} [/RESULT]\n[END]";
        }

        return $"```python\ndef solve_{h % 9973}(x):\n    return x * {h % 7 + 2}\n```";
    }

    private static int Level(string model)
    {
        if (Levels.TryGetValue(model, out int level))
        {
            return level;
        }

        // Students are named student-<generator>-<method>-<domain> by the trainer script.
        return model.StartsWith("student-gen-a", StringComparison.Ordinal) ? 6 : model.StartsWith("student-gen-b", StringComparison.Ordinal) ? 4 : 1;
    }

    private static int Quality(string answer) => QualityPattern().Match(answer) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        int to = from < 0 ? -1 : text.IndexOf(end, from, StringComparison.Ordinal);
        return from < 0 || to < 0 ? string.Empty : text[(from + start.Length)..to];
    }

    private void WriteFiles(int instances)
    {
        Directory.CreateDirectory(Path.Combine(Root, "seeds"));
        Directory.CreateDirectory(Path.Combine(Root, "bench"));
        void Write(string name, string text) => File.WriteAllText(Path.Combine(Root, name), text);

        var ig = new JsonArray();
        for (int i = 1; i <= 5; i++)
        {
            ig.Add(new JsonObject { ["instruction"] = $"What is {i} times {i + 1}?", ["response"] = $"Multiply: {i} * {i + 1} = {i * (i + 1)}.\n[RESULT] {i * (i + 1)} [/RESULT]", ["config"] = "math" });
        }

        Write("seeds/ig-math.json", ig.ToJsonString());
        var rg = new StringBuilder();
        var qe = new JsonArray();
        for (int i = 0; i < instances + 5; i++)
        {
            rg.Append(new JsonObject { ["instruction"] = $"Write a Python function that multiplies a number by {i + 2}.", ["response"] = $"def f(x):\n    return x * {i + 2}", ["config"] = "magpie_code", ["idx"] = i }.ToJsonString()).Append('\n');
            qe.Add(new JsonObject { ["instruction"] = $"how do i plan thing {i}", ["response"] = $"just plan thing {i} lol", ["config"] = "webinstruct_general", ["idx"] = i });
        }

        Write("seeds/rg-code.jsonl", rg.ToString());
        Write("seeds/qe-general.json", qe.ToJsonString());

        var gsm = new StringBuilder();
        var math = new StringBuilder();
        for (int i = 0; i < 10; i++)
        {
            string question = $"Tom has {i + 3} apples and buys {2 * i + 1} more. How many apples does he have?";
            gsm.Append(new JsonObject { ["question"] = question, ["answer"] = $"{i + 3} + {2 * i + 1} = <<{i + 3}+{2 * i + 1}={3 * i + 4}>>{3 * i + 4}\n#### {3 * i + 4}" }.ToJsonString()).Append('\n');
            _problems[question] = ("gsm8k", i, 10, (3 * i + 4).ToString(CultureInfo.InvariantCulture));
            string problem = $"Compute ${i + 2} \\times {i + 5}$.";
            math.Append(new JsonObject { ["problem"] = problem, ["solution"] = $"Multiplying gives $\\boxed{{{(i + 2) * (i + 5)}}}$.", ["answer"] = ((i + 2) * (i + 5)).ToString(CultureInfo.InvariantCulture), ["unique_id"] = $"test/algebra/{i}.json" }.ToJsonString()).Append('\n');
            _problems[problem] = ("math", i, 10, ((i + 2) * (i + 5)).ToString(CultureInfo.InvariantCulture));
        }

        Write("bench/gsm8k.jsonl", gsm.ToString());
        Write("bench/math.jsonl", math.ToString());

        var mbpp = new StringBuilder();
        for (int i = 0; i < 5; i++)
        {
            string text = $"Write a function add_{i}(x) that returns x plus {i}.";
            string code = $"def add_{i}(x):\n    return x + {i}";
            mbpp.Append(new JsonObject { ["task_id"] = 11 + i, ["text"] = text, ["code"] = code, ["test_list"] = new JsonArray($"assert add_{i}(1) == {1 + i}", $"assert add_{i}(0) == {i}") }.ToJsonString()).Append('\n');
            _problems[text] = ("mbpp", i, 5, code);
        }

        Write("bench/mbpp.jsonl", mbpp.ToString());
        var humaneval = new StringBuilder();
        for (int i = 0; i < 4; i++)
        {
            string prompt = $"def twice_{i}(x):\n    \"\"\"Return two times x plus {i}.\"\"\"\n";
            humaneval.Append(new JsonObject
            {
                ["task_id"] = $"HumanEval/{i}",
                ["prompt"] = prompt,
                ["canonical_solution"] = $"    return 2 * x + {i}\n",
                ["test"] = $"def check(candidate):\n    assert candidate(1) == {2 + i}\n    assert candidate(3) == {6 + i}\n",
                ["entry_point"] = $"twice_{i}",
            }.ToJsonString()).Append('\n');
            _problems[prompt.Trim()] = ("humaneval", i, 4, $"def twice_{i}(x):\n    return 2 * x + {i}");
        }

        Write("bench/humaneval.jsonl", humaneval.ToString());
        var arena = new StringBuilder();
        var baseline = new StringBuilder();
        var alpaca = new JsonArray();
        for (int i = 0; i < 6; i++)
        {
            string question = $"Explain idea number {i} in two sentences.";
            arena.Append(new JsonObject { ["uid"] = $"ah{i}", ["prompt"] = question }.ToJsonString()).Append('\n');
            baseline.Append(new JsonObject { ["id"] = $"ah{i}", ["output"] = $"A baseline answer (quality 50) about idea {i}." }.ToJsonString()).Append('\n');
            _problems[question] = ("arena-hard", i, 6, string.Empty);
            string instruction = $"Give advice number {i} about studying.";
            alpaca.Add(new JsonObject { ["instruction"] = instruction, ["output"] = $"Reference advice (quality 50) number {i}.", ["generator"] = "gpt4_1106_preview" });
            _problems[instruction] = ("alpacaeval-2.0", i, 6, string.Empty);
        }

        Write("bench/arena_hard.jsonl", arena.ToString());
        Write("bench/arena_baseline.jsonl", baseline.ToString());
        Write("bench/alpaca_eval.json", alpaca.ToJsonString());

        // The command trainer's script: writes result.json naming a served student (and can be told to hang first).
        Write("train_stub.sh", """
            #!/bin/sh
            set -e
            out="$1"; name="$2"; data="$3"
            mkdir -p "$out"
            lines=$(wc -l < "$data" | tr -d ' ')
            echo "step 1 loss 0.90"
            if [ -n "$AGORABENCH_STUB_TRAIN_SLEEP" ]; then
              touch "$AGORABENCH_STUB_TRAIN_MARKER"
              sleep "$AGORABENCH_STUB_TRAIN_SLEEP"
            fi
            echo "step 2 loss 0.45"
            printf '{"model_id": "student-%s", "endpoint": "%s", "metrics": {"train_examples": %s}}\n' "$name" "$STUDENT_ENDPOINT" "$lines" > "$out/result.json"
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"quality (-?\d+)")]
    private static partial Regex QualityPattern();
}
