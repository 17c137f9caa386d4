using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgoraBench.Cli.Tests;

public class WinrateCommandTests
{
    private const string LcV1 = "datasets/alpaca_eval/lc-v1";

    [SharedDataFact(LcV1 + "/examples/expected.csv", LcV1 + "/instruction_difficulty.csv", LcV1 + "/df_gamed.csv")]
    public async Task Winrate_OfficialAnnotations_ReproduceTheLeaderboard()
    {
        using var files = new TempFiles();
        string folder = SharedDataFactAttribute.Path(LcV1);
        var expected = File.ReadAllLines(Path.Combine(folder, "examples", "expected.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(c => c[0], c => (File: c[1], Games: int.Parse(c[2], CultureInfo.InvariantCulture), Raw: Parse(c[3]), StandardError: Parse(c[4]), Lc: Parse(c[5])), StringComparer.Ordinal);
        string outPath = files.PathOf("winrates.json");
        string[] args =
        [
            "winrate", "--annotations", .. expected.Values.Select(e => Path.Combine(folder, "examples", e.File)),
            "--instruction-difficulty", Path.Combine(folder, "instruction_difficulty.csv"),
            "--gamed-baselines", Path.Combine(folder, "df_gamed.csv"),
            "--out", outPath,
        ];

        var (exitCode, output, error) = await CliRunner.RunAsync(args);

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(outPath));
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(expected.Count, models.Length);
        foreach (var model in models)
        {
            var want = expected[model.GetProperty("model").GetString()!];
            Assert.Equal(want.Games, model.GetProperty("games").GetInt32());
            Assert.InRange(model.GetProperty("win_rate").GetDouble(), want.Raw - 0.01, want.Raw + 0.01);
            Assert.InRange(model.GetProperty("standard_error").GetDouble(), want.StandardError - 0.001, want.StandardError + 0.001);
            Assert.InRange(model.GetProperty("length_controlled_win_rate").GetDouble(), want.Lc - 0.75, want.Lc + 0.75);
            Assert.Contains(model.GetProperty("model").GetString()!, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Winrate_Minimal_ScoresEveryModelOfEveryFile()
    {
        using var files = new TempFiles();
        string first = files.Write("a.json", Annotations(("short", 40, 300, 200), ("long", 40, 300, 900)));
        string second = WriteGzip(files.PathOf("b.json.gz"), Annotations(("even", 40, 300, 300)));
        string outPath = files.PathOf("out.json");

        var (exitCode, output, error) = await CliRunner.RunAsync("winrate", "--annotations", first, second, "--method", "minimal", "--out", outPath);

        Assert.True(exitCode == 0, error);
        Assert.Contains("length_controlled_minimal", output, StringComparison.Ordinal);
        var models = JsonNode.Parse(File.ReadAllText(outPath))!["models"]!.AsArray();
        Assert.Equal(["short", "long", "even"], models.Select(m => m!["model"]!.GetValue<string>()));
        Assert.All(models, m => Assert.Equal(40, m!["games"]!.GetValue<int>()));
        Assert.All(models, m => Assert.Equal(50, m!["win_rate"]!.GetValue<double>(), 6));
    }

    [Fact]
    public async Task Winrate_Json_IsTheFormatThePreviousVersionWrote()
    {
        using var files = new TempFiles();
        string first = files.Write("a.json", Annotations(("short", 40, 300, 200), ("long", 40, 300, 900)));
        string outPath = files.PathOf("out.json");

        var (exitCode, _, error) = await CliRunner.RunAsync("winrate", "--annotations", first, "--method", "minimal", "--out", outPath);

        Assert.True(exitCode == 0, error);
        AgoraBench.Tests.TestSupport.GoldenFile.Verify(File.ReadAllText(outPath), "Fixtures/Golden/winrate.json");
    }

    [Fact]
    public async Task Winrate_V1WithoutItsInputs_NamesBothOptions()
    {
        using var files = new TempFiles();
        string annotations = files.Write("a.json", Annotations(("m", 10, 100, 100)));

        var (exitCode, _, error) = await CliRunner.RunAsync("winrate", "--annotations", annotations, "--out", files.PathOf("o.json"));

        Assert.Equal(3, exitCode);
        Assert.Contains("--instruction-difficulty", error, StringComparison.Ordinal);
        Assert.Contains("--gamed-baselines", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Winrate_BadAnnotations_ReportsEveryProblemWithItsGame()
    {
        using var files = new TempFiles();
        string annotations = files.Write(
            "bad.json",
            """
            [
              {"output_1": "a", "generator_1": "base", "output_2": "b", "generator_2": "m", "preference": 1.7},
              {"output_1": "a", "generator_1": "base", "generator_2": "m", "preference": 1.2},
              {"output_1": "a", "generator_1": "base", "output_2": "b", "generator_2": "m", "preference": "high"}
            ]
            """);

        var (exitCode, _, error) = await CliRunner.RunAsync("winrate", "--annotations", annotations, "--method", "minimal", "--out", files.PathOf("o.json"));

        Assert.Equal(3, exitCode);
        Assert.Contains("[1].output_2", error, StringComparison.Ordinal);
        Assert.Contains("[2].preference", error, StringComparison.Ordinal);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Games where the model wins every other game; outputs of the given lengths.</summary>
    private static string Annotations(params (string Model, int Games, int BaselineLength, int ModelLength)[] models)
    {
        var array = new JsonArray();
        foreach (var (model, games, baselineLength, modelLength) in models)
        {
            for (int i = 0; i < games; i++)
            {
                array.Add(new JsonObject
                {
                    ["instruction"] = $"q{i}",
                    ["output_1"] = new string('a', baselineLength + (i % 7)),
                    ["generator_1"] = "base",
                    ["output_2"] = new string('b', modelLength + (i % 5)),
                    ["generator_2"] = model,
                    ["preference"] = i % 2 == 0 ? 1.9 : 1.1,
                });
            }
        }

        return array.ToJsonString();
    }

    private static string WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        writer.Write(text);
        return path;
    }
}
