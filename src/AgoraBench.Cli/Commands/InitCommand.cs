using System.CommandLine;
using System.Text;
using AgoraBench.Cli.Scaffold;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench init</c>: writes a runnable own-task study (plan, seeds, templates, benchmark, graders, README) into a new folder.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The folder to create (it must not exist yet, or be empty).", HelpName = "FOLDER" };
        var domain = new Option<string>("--domain")
        {
            Description = "The name of your task's domain in the plan (its settings become instance-generation/NAME and so on).",
            DefaultValueFactory = _ => OwnTaskScaffold.SampleDomain,
            HelpName = "NAME",
        };
        var command = new Command(
            "init",
            "Create a runnable study of your own task: a plan declaring a domain with two benchmarks (an executable-check grader and an "
            + "LLM judge), 30 seed instances, 40 test questions, the three meta-prompts, a judge rubric, a training script and a README. "
            + "The example task writes SQLite queries about a small shop; replace its files with your own (see docs/own-task.md).\n\n"
            + "Examples:\n  agorabench init my-study\n  agorabench init legal-study --domain legal-qa\n"
            + "  agorabench run --plan my-study/plan.json --dry-run")
        {
            folder, domain,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string target = Path.GetFullPath(parseResult.GetRequiredValue(folder));
                string name = parseResult.GetRequiredValue(domain);
                if (OwnTaskScaffold.CheckDomain(name) is { } problem)
                {
                    throw new DataValidationException([new DataError(null, null, "--domain", problem)]);
                }

                if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
                {
                    throw new DataValidationException([new DataError(target, null, null, (File.Exists(target) ? "is a file" : "is not empty") + "; agorabench init writes a new study only into a new or empty folder, so nothing of yours is overwritten.")]);
                }

                var files = OwnTaskScaffold.Files();
                foreach (var (relative, content) in files)
                {
                    string path = Path.Combine(target, relative.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    byte[] bytes = relative == "plan.json" ? Encoding.UTF8.GetBytes(OwnTaskScaffold.RenameDomain(Encoding.UTF8.GetString(content), name)) : content;
                    await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
                    if (relative.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                    }
                }

                string plan = Path.Combine(target, "plan.json");
                await stdout.WriteLineAsync($"Created an own-task study (domain '{name}', {files.Count} files) in {target}").ConfigureAwait(false);
                await stdout.WriteLineAsync($"Next: read {Path.Combine(target, "README.md")}, then check the plan with").ConfigureAwait(false);
                await stdout.WriteLineAsync($"  agorabench run --plan {plan} --dry-run").ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
