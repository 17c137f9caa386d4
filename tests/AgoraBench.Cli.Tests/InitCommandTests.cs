using System.Text.Json.Nodes;

namespace AgoraBench.Cli.Tests;

public sealed class InitCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepositoryPaths.Root, "samples", "own-task");

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Init_NewFolder_WritesEveryFileOfTheOwnTaskSample_ByteForByte()
    {
        string folder = _temp.PathOf("study");

        var (exitCode, output, error) = await CliRunner.RunAsync("init", folder);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Created an own-task study (domain 'sql', 11 files)", output, StringComparison.Ordinal);
        Assert.Contains($"agorabench run --plan {Path.Combine(folder, "plan.json")} --dry-run", output, StringComparison.Ordinal);
        string[] expected =
        [
            "README.md", "data/make_data.py", "data/seeds.jsonl", "data/shop.sql", "data/test.jsonl", "plan.json",
            "prompts/ig.txt", "prompts/qe.txt", "prompts/rg.txt", "prompts/rubric.txt", "train.sh",
        ];
        var written = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), written);
        foreach (string file in written)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(Sample, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, file))), file + " differs from the sample");
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(folder, "train.sh")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public async Task Init_EmptyExistingFolder_IsUsed()
    {
        string folder = Directory.CreateDirectory(_temp.PathOf("empty")).FullName;

        var (exitCode, _, error) = await CliRunner.RunAsync("init", folder);

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(folder, "plan.json")));
    }

    [Fact]
    public async Task Init_NonEmptyFolder_IsRefusedWithExitCode3_AndNothingIsWritten()
    {
        string folder = Directory.CreateDirectory(_temp.PathOf("mine")).FullName;
        File.WriteAllText(Path.Combine(folder, "plan.json"), "my own plan");

        var (exitCode, output, error) = await CliRunner.RunAsync("init", folder);

        Assert.Equal(CliExitCodes.DataError, exitCode);
        Assert.Equal($"error: {folder}: is not empty; agorabench init writes a new study only into a new or empty folder, so nothing of yours is overwritten.", error.Trim());
        Assert.Equal(string.Empty, output);
        Assert.Equal("my own plan", File.ReadAllText(Path.Combine(folder, "plan.json")));
        Assert.Single(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task Init_PathOfAFile_IsRefused()
    {
        string file = _temp.Write("taken", "x");

        var (exitCode, _, error) = await CliRunner.RunAsync("init", file);

        Assert.Equal(CliExitCodes.DataError, exitCode);
        Assert.Contains($"{file}: is a file;", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_Domain_RenamesTheDomainItsSettingsSeedsAndTemplates_AndKeepsTheBenchmarks()
    {
        string folder = _temp.PathOf("legal");

        var (exitCode, output, error) = await CliRunner.RunAsync("init", folder, "--domain", "legal-qa");

        Assert.True(exitCode == 0, error);
        Assert.Contains("domain 'legal-qa'", output, StringComparison.Ordinal);
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "plan.json")))!.AsObject();
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Sample, "plan.json")))!.AsObject();
        Assert.Equal("legal-qa-study", (string?)plan["name"]);
        Assert.Equal(["legal-qa"], plan["domains"]!.AsObject().Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(sample["domains"]!["sql"], plan["domains"]!["legal-qa"]));
        string[] settings = ["instance-generation/legal-qa", "response-generation/legal-qa", "quality-enhancement/legal-qa"];
        Assert.Equal(settings, plan["settings"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(settings, plan["seeds"]!.AsObject().Select(p => p.Key));
        Assert.Equal(settings, plan["generation"]!["templates"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["data/seeds.jsonl", "data/seeds.jsonl", "data/seeds.jsonl"], plan["seeds"]!.AsObject().Select(p => (string?)p.Value));
        Assert.Equal(["prompts/ig.txt", "prompts/rg.txt", "prompts/qe.txt"], plan["generation"]!["templates"]!.AsObject().Select(p => (string?)p.Value));
        foreach (string key in new[] { "instances", "generators", "training", "evaluation" })
        {
            Assert.True(JsonNode.DeepEquals(sample[key], plan[key]), key);
        }
    }

    [Theory]
    [InlineData("Legal QA", "is not a usable name")]
    [InlineData("legal_qa", "is not a usable name")]
    [InlineData("-sql", "is not a usable name")]
    [InlineData("math", "is one of the paper's built-in domains")]
    [InlineData("instruction-following", "is one of the paper's built-in domains")]
    public async Task Init_UnusableDomain_IsRefusedWithExitCode3_BeforeAnythingIsWritten(string domain, string message)
    {
        string folder = _temp.PathOf("bad");

        var (exitCode, _, error) = await CliRunner.RunAsync("init", folder, "--domain", domain);

        Assert.Equal(CliExitCodes.DataError, exitCode);
        Assert.Contains($"field '--domain': --domain '{domain}' {message}", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Init_WithoutAFolder_IsAUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("init");

        Assert.Equal(CliExitCodes.UsageError, exitCode);
        Assert.Contains("folder", error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory(Skip = "Waits for the issue-14 core: settings of a plan-declared domain (instance-generation/sql …) are refused so far (\"this version runs settings in the paper's domains only\"), and the command trainer must run from the plan's folder (contract-14).")]
    [InlineData(null)]
    [InlineData("legal-qa")]
    public async Task Init_ThenRunDryRun_TheScaffoldValidates(string? domain)
    {
        string folder = _temp.PathOf("dry-" + (domain ?? "sql"));
        var init = await CliRunner.RunAsync(domain is null ? ["init", folder] : ["init", folder, "--domain", domain]);
        Assert.True(init.ExitCode == 0, init.Error);

        var (exitCode, output, error) = await CliRunner.RunAsync("run", "--plan", Path.Combine(folder, "plan.json"), "--dry-run");

        Assert.True(exitCode == 0, error + output);
        Assert.Contains($"instance-generation/{domain ?? "sql"}", output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")) && Directory.EnumerateFiles(Path.Combine(folder, "runs"), "*.jsonl", SearchOption.AllDirectories).Any());
    }
}
