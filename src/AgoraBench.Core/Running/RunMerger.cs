namespace AgoraBench;

/// <summary>
/// Combines the run folders of a plan's shards (<c>agorabench run --shard i/N</c>) into one, and proves nothing is
/// missing or done twice: every step of the plan must be finished — its record done and its outputs matching the
/// recorded hashes — in exactly one shard. The merged folder holds each step's outputs, its side files (attempt logs,
/// predictions, a trainer's folder), its record, and the judges' caches of every shard; a run over it does PGR, the
/// analysis and the report, and finds everything else up to date.
/// </summary>
public static class RunMerger
{
    /// <summary>Merges shard folders.</summary>
    /// <param name="plan">The plan the shards ran.</param>
    /// <param name="shards">The shards' run folders.</param>
    /// <param name="output">The merged folder (created; it must be new or empty).</param>
    /// <param name="cancellationToken">Cancels the merge.</param>
    /// <returns>Where each step came from, and what is missing, duplicated or conflicting.</returns>
    /// <exception cref="DataValidationException">The output folder is not empty, or a shard folder does not exist.</exception>
    public static async Task<RunMergeReport> MergeAsync(AgoraBenchPlan plan, IReadOnlyList<string> shards, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentException.ThrowIfNullOrEmpty(output);
        var problems = shards.Where(s => !Directory.Exists(s)).Select(s => new DataError(s, null, null, "the shard folder does not exist")).ToList();

        // The same folder named twice (a repeated argument, a shell glob over a link) is a mistake in the command, not a shard that ran twice.
        foreach (var same in shards.Where(Directory.Exists).GroupBy(Identity, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new DataError(same.First(), null, null, $"the same shard folder is given {same.Count()} times ({string.Join(", ", same.Distinct(StringComparer.Ordinal))}); give each shard once"));
        }

        string target = Path.GetFullPath(output);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            problems.Add(new DataError(target, null, null, "the merged folder must be new or empty"));
        }

        if (problems.Count > 0)
        {
            throw new DataValidationException(problems);
        }

        bool metrics = plan.Metrics.Names.Count > 0 || shards.Any(s => Directory.Exists(Path.Combine(s, "steps")) && Directory.EnumerateFiles(Path.Combine(s, "steps"), "metrics.*.json").Any());
        var steps = StepGraph.Build(plan, metrics).Where(s => s.ShardGroup is not null).ToArray();
        var contexts = shards.Select(s => new RunContext(plan, new RunDirectory(s), new AgoraBenchRunnerOptions())).ToArray();
        var merged = new RunContext(plan, new RunDirectory(target), new AgoraBenchRunnerOptions());
        Directory.CreateDirectory(target);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        var duplicated = new List<string>();
        var conflicting = new List<string>();
        int files = 0;
        try
        {
            foreach (var step in steps)
            {
                var finished = new List<(RunContext Context, StepRecord Record)>();
                foreach (var context in contexts)
                {
                    if (context.Records.Load(step.Info.Id) is { Status: StepRecord.Done } record && await IntactAsync(context, record, cancellationToken).ConfigureAwait(false))
                    {
                        finished.Add((context, record));
                    }
                }

                if (finished.Count == 0)
                {
                    missing.Add(step.Info.Id);
                    continue;
                }

                if (finished.Count > 1)
                {
                    bool same = finished.Skip(1).All(f => f.Record.Outputs.Count == finished[0].Record.Outputs.Count && f.Record.Outputs.All(o => finished[0].Record.Outputs.GetValueOrDefault(o.Key) == o.Value));
                    (same ? duplicated : conflicting).Add(step.Info.Id);
                }

                var (source, chosen) = finished[0];
                foreach (string artefact in step.Artefacts(source))
                {
                    files += Copy(artefact, merged.Directory.Absolute(source.Directory.Relative(artefact)));
                }

                await merged.Records.WriteAsync(chosen, cancellationToken).ConfigureAwait(false);
                files++;
                sources[step.Info.Id] = source.Directory.Root;
            }

            files += await MergeCachesAsync(contexts, merged, cancellationToken).ConfigureAwait(false);
            if (contexts.Select(c => c.Directory.PlanCopy).FirstOrDefault(File.Exists) is { } planCopy)
            {
                File.Copy(planCopy, merged.Directory.PlanCopy);
                files++;
            }

            var report = new RunMergeReport { Sources = sources, Missing = missing, Duplicated = duplicated, Conflicting = conflicting, Files = files };
            await AtomicFile.WriteAllTextAsync(Path.Combine(target, "merge.json"), ToJson(report, shards), cancellationToken).ConfigureAwait(false);
            return report;
        }
        finally
        {
            foreach (var context in contexts.Append(merged))
            {
                await context.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A folder's identity: its full path with links resolved.</summary>
    private static string Identity(string folder)
    {
        var info = new DirectoryInfo(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return (info.ResolveLinkTarget(returnFinalTarget: true) ?? info).FullName;
    }

    private static async Task<bool> IntactAsync(RunContext context, StepRecord record, CancellationToken cancellationToken)
    {
        foreach (var (path, hash) in record.Outputs)
        {
            string file = context.Directory.Absolute(path);
            if (!File.Exists(file) || await Hashing.Sha256FileAsync(file, cancellationToken).ConfigureAwait(false) != hash)
            {
                return false;
            }
        }

        return true;
    }

    private static int Copy(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return 1;
        }

        if (!Directory.Exists(source))
        {
            return 0;
        }

        int count = 0;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            count += Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }

        return count;
    }

    // The judges' answer caches are append-only JSON Lines: the merged cache is every shard's lines.
    private static async Task<int> MergeCachesAsync(RunContext[] shards, RunContext merged, CancellationToken cancellationToken)
    {
        int files = 0;
        foreach (var group in shards.Where(s => Directory.Exists(s.Directory.Cache))
            .SelectMany(s => Directory.EnumerateFiles(s.Directory.Cache, "*.jsonl", SearchOption.AllDirectories).Select(f => (Shard: s, File: f)))
            .GroupBy(x => x.Shard.Directory.Relative(x.File), StringComparer.Ordinal))
        {
            string target = merged.Directory.Absolute(group.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var stream = new FileStream(target, FileMode.Create, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                foreach (var (_, file) in group)
                {
                    TornLine.Cut(file);
                    var source = File.OpenRead(file);
                    await using (source.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            files++;
        }

        return files;
    }

    internal static string ToJson(RunMergeReport report, IReadOnlyList<string> shards) =>
        ArtefactJson.Write(RunMergeDocument.From(report, shards), RunJsonContext.Default.RunMergeDocument);
}
