using System.Text;
using System.Text.Json.Nodes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// Writes a data folder for <c>samples/plans/paper.json</c> with seed files of the paper's sizes (14,856 / 874 / 503 for
/// instance generation, 10,000 for the other six settings) and the six benchmark files. Rows come from the real
/// GSM8K, MATH-500, MBPP, HumanEval, AlpacaEval and Arena-Hard files in <c>../shared/datasets</c> when they are there
/// (cycled to size, each copy marked so instructions stay distinct); otherwise from seeded synthetic text of similar
/// length. Stand-ins for the paper's seed sets (Magpie, WebInstruct, CoNaLa, LIMA are not available offline): they give
/// the estimate realistic lengths, not the paper's exact ones.
/// </summary>
internal static class PaperPlanData
{
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AgoraBench.Core.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root was not found.");
        }
    }

    public static string PaperPlan => Path.Combine(RepositoryRoot, "samples", "plans", "paper.json");

    public static string Write(string folder)
    {
        string shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets"));
        bool real = File.Exists(Path.Combine(shared, "gsm8k", "train.jsonl"));
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        var random = new Random(42);

        var gsm = real ? Lines(Path.Combine(shared, "gsm8k", "train.jsonl")).Select(r => (Q: r["question"]!.GetValue<string>(), A: r["answer"]!.GetValue<string>())).ToArray() : Synthetic(random, 7473, 50, 120);
        var math = real ? Lines(Path.Combine(shared, "math500", "test.jsonl")).Select(r => (Q: r["problem"]!.GetValue<string>(), A: r["solution"]!.GetValue<string>())).ToArray() : Synthetic(random, 500, 60, 250);
        var mbpp = real ? Lines(Path.Combine(shared, "mbpp", "mbpp.jsonl")).Select(r => (Q: r["text"]!.GetValue<string>(), A: "```python\n" + r["code"]!.GetValue<string>() + "\n```")).ToArray() : Synthetic(random, 974, 25, 60);
        var alpaca = real ? JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "alpaca_eval", "gpt4_1106_preview_model_outputs.json")))!.AsArray().Select(r => (Q: r!["instruction"]!.GetValue<string>(), A: r["output"]!.GetValue<string>())).ToArray() : Synthetic(random, 805, 30, 400);
        var arena = real ? ArenaAnswers(shared) : Synthetic(random, 500, 60, 600);

        static string Result(string answer) => answer.Contains("####", StringComparison.Ordinal)
            ? answer[..answer.LastIndexOf("####", StringComparison.Ordinal)].TrimEnd() + "\n[RESULT] " + answer[(answer.LastIndexOf("####", StringComparison.Ordinal) + 4)..].Trim() + " [/RESULT]"
            : answer + "\n[RESULT] 0 [/RESULT]";

        Seeds(folder, "ig-math.json", 14_856, [.. gsm.Select(x => (x.Q, Result(x.A))), .. math.Select(x => (x.Q, x.A + "\n[RESULT] 0 [/RESULT]"))], "math");
        Seeds(folder, "ig-code.json", 874, mbpp, "mbpp");
        Seeds(folder, "ig-general.json", 503, alpaca, "lima");
        Seeds(folder, "rg-math.json", 10_000, math, "magpie_math");
        Seeds(folder, "rg-code.json", 10_000, mbpp, "magpie_code");
        Seeds(folder, "rg-general.json", 10_000, arena, "magpie_general");
        Seeds(folder, "qe-math.json", 10_000, gsm, "webinstruct_math");
        Seeds(folder, "qe-code.json", 10_000, mbpp, "conala");
        Seeds(folder, "qe-general.json", 10_000, alpaca, "webinstruct_general");

        foreach (var (name, file) in new[] { ("gsm8k", "test.jsonl"), ("math500", "test.jsonl"), ("mbpp", "sanitized-mbpp.json"), ("humaneval", "HumanEval.jsonl"), ("alpaca_eval", "gpt4_1106_preview_model_outputs.json"), ("arena_hard_v0.1", "question.jsonl"), ("arena_hard_v0.1", "gpt-4-0314.jsonl") })
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
            string target = Path.Combine(folder, name, file);
            if (real)
            {
                File.Copy(Path.Combine(shared, name, file), target, overwrite: true);
            }
            else
            {
                WriteSyntheticBenchmark(name, file, target, random);
            }
        }

        return real ? "real rows from ../shared/datasets" : "synthetic rows (../shared/datasets is absent)";
    }

    private static IEnumerable<JsonNode> Lines(string path) => File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!);

    private static (string Q, string A)[] ArenaAnswers(string shared) =>
        [.. Lines(Path.Combine(shared, "arena_hard_v0.1", "gpt-4-0314.jsonl")).Select(r =>
        {
            var messages = r["messages"]!.AsArray();
            var answer = messages[1]!["content"]!;
            return (Q: messages[0]!["content"]!.GetValue<string>(), A: answer is JsonObject o ? o["answer"]!.GetValue<string>() : answer.GetValue<string>());
        })];

    private static (string Q, string A)[] Synthetic(Random random, int count, int questionWords, int answerWords)
    {
        string[] words = ["the", "number", "train", "apples", "function", "returns", "list", "value", "each", "total", "rate", "hours", "string", "explain", "why", "result", "compute", "given", "after", "before"];
        string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        return [.. Enumerable.Range(0, count).Select(_ => (Text(questionWords + random.Next(questionWords)), Text(answerWords + random.Next(answerWords))))];
    }

    private static void Seeds(string folder, string file, int count, (string Q, string A)[] rows, string config)
    {
        using var writer = new StreamWriter(Path.Combine(folder, "seeds", file), false, new UTF8Encoding(false));
        writer.Write('[');
        for (int i = 0; i < count; i++)
        {
            var (q, a) = rows[i % rows.Length];
            int copy = i / rows.Length;
            var row = new JsonObject { ["instruction"] = copy == 0 ? q : $"{q} (variant {copy})", ["response"] = a, ["config"] = config, ["idx"] = i };
            writer.Write(i == 0 ? "\n" : ",\n");
            writer.Write(row.ToJsonString());
        }

        writer.Write("\n]\n");
    }

    private static void WriteSyntheticBenchmark(string name, string file, string target, Random random)
    {
        var rows = Synthetic(random, 100, 30, 80);
        var text = new StringBuilder();
        for (int i = 0; i < rows.Length; i++)
        {
            var (q, a) = rows[i];
            JsonObject row = (name, file) switch
            {
                ("gsm8k", _) => new() { ["question"] = q, ["answer"] = a + "\n#### " + i },
                ("math500", _) => new() { ["problem"] = q, ["solution"] = a + " $\\boxed{" + i + "}$", ["answer"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unique_id"] = $"test/{i}.json" },
                ("mbpp", _) => new() { ["task_id"] = i + 1, ["prompt"] = q, ["code"] = "def f(x):\n    return x", ["test_list"] = new JsonArray("assert f(1) == 1") },
                ("humaneval", _) => new() { ["task_id"] = $"HumanEval/{i}", ["prompt"] = $"def f{i}(x):\n    \"\"\"{q}\"\"\"\n", ["test"] = "def check(c):\n    pass\n", ["entry_point"] = $"f{i}" },
                ("alpaca_eval", _) => new() { ["instruction"] = q, ["output"] = a },
                (_, "question.jsonl") => new() { ["uid"] = $"q{i}", ["prompt"] = q },
                _ => new() { ["id"] = $"q{i}", ["output"] = a },
            };
            text.Append(row.ToJsonString()).Append('\n');
        }

        File.WriteAllText(target, name == "mbpp" || name == "alpaca_eval" ? "[" + string.Join(",", text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]" : text.ToString());
    }

    internal static AgoraBenchPlan Read(string folder) =>
        AgoraBenchPlanFile.Parse(File.ReadAllText(PaperPlan), PaperPlan, name => name == "AGORABENCH_DATA" ? folder : Environment.GetEnvironmentVariable(name));

    internal static long Bytes(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
