using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// Runs a model (a student, the base model or the reference) over a benchmark's problems through any
/// <see cref="IChatClient"/>, writing each prediction to a JSON Lines file as it arrives so an interrupted run resumes
/// where it stopped; then the predictions can be graded.
/// </summary>
internal static class StudentEvaluator
{
    /// <summary>Builds the prompt for a problem: the problem alone (zero-shot) or after the demonstrations (few-shot).</summary>
    /// <param name="benchmark">The benchmark id.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="fewShot">Demonstrations with their answers, or empty.</param>
    /// <returns>The user message.</returns>
    internal static string Prompt(string benchmark, BenchmarkProblem problem, IReadOnlyList<BenchmarkProblem> fewShot) => Prompt(benchmark, problem, fewShot, null);

    private static BenchmarkDefinition Definition(string benchmark, StudentEvaluationOptions? options) =>
        options?.Benchmark ?? (BenchmarkCatalog.BuiltIn.TryGet(benchmark, out var known) ? known : new BenchmarkDefinition { Id = benchmark, Grader = new GraderSpec("exact") });

    private static string Prompt(string benchmark, BenchmarkProblem problem, IReadOnlyList<BenchmarkProblem> fewShot, BenchmarkDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(fewShot);
        var worked = (definition ?? Definition(benchmark, null)).DemonstrationFields;
        string Solution(BenchmarkProblem p) => worked.Select(f => p.Fields.TryGetValue(f, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null).FirstOrDefault(s => s is not null)
            ?? p.Answer ?? string.Empty;
        if (fewShot.Count == 0)
        {
            return problem.Prompt;
        }

        var text = new StringBuilder();
        foreach (var example in fewShot)
        {
            text.Append("Question: ").Append(example.Prompt.TrimEnd()).Append("\nAnswer: ").Append(Solution(example).TrimEnd()).Append("\n\n");
        }

        return text.Append("Question: ").Append(problem.Prompt.TrimEnd()).Append("\nAnswer:").ToString();
    }

    /// <summary>Builds the prompt for a problem of any benchmark: the problem alone, or after demonstrations whose answers come from the definition's <see cref="BenchmarkDefinition.DemonstrationFields"/>.</summary>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="problem">The problem (its prompt filled).</param>
    /// <param name="fewShot">Demonstrations, or empty.</param>
    /// <returns>The user message.</returns>
    internal static string Prompt(BenchmarkDefinition benchmark, BenchmarkProblem problem, IReadOnlyList<BenchmarkProblem> fewShot)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return Prompt(benchmark.Id, problem, fewShot, benchmark);
    }

    /// <summary>
    /// Runs the model over every problem that has no prediction in <paramref name="predictionsPath"/> yet, appending
    /// <c>{"id", "output"}</c> lines as answers arrive.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="benchmark">The benchmark id (selects the paper's temperature).</param>
    /// <param name="problems">The problems.</param>
    /// <param name="predictionsPath">The predictions file (created, or resumed).</param>
    /// <param name="options">Options, or <see langword="null"/> for the paper's defaults.</param>
    /// <param name="progress">Receives each finished problem id, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; finished predictions stay in the file.</param>
    /// <returns>The number of problems answered now and the ids that failed after all retries.</returns>
    /// <exception cref="OutputInUseException">Another evaluation is writing the same predictions file.</exception>
    /// <exception cref="EvaluationAbortedException">The endpoint refused a request (a 4xx other than 408 and 429, a failed authentication); it was not retried, and the message gives the status and the server's reason.</exception>
    public static async Task<StudentEvaluationRun> RunAsync(
        IChatClient model,
        string benchmark,
        IReadOnlyList<BenchmarkProblem> problems,
        string predictionsPath,
        StudentEvaluationOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentException.ThrowIfNullOrEmpty(predictionsPath);
        options = StudentEvaluationOptionsValidator.Instance.ThrowIfInvalid(options ?? new StudentEvaluationOptions(), nameof(options));
        using var fileLock = OutputFileLock.Acquire(predictionsPath);
        var done = File.Exists(predictionsPath)
            ? (await Predictions.ReadAsync(predictionsPath, cancellationToken).ConfigureAwait(false)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal)
            : [];
        var pending = problems.Where(p => !done.Contains(p.Id)).ToArray();
        var chatOptions = options.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.Temperature = options.Temperature ?? Definition(benchmark, options).Temperature;
        chatOptions.TopP = options.TopP;
        chatOptions.MaxOutputTokens = options.MaxOutputTokens;

        var pipeline = ModelCallRetry.Create(ModelCallRetry.StudentEvaluation, options.MaxRetries, options.RetryDelay, options.MaxRetryDelay, options.TimeProvider, options.LoggerFactory);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(predictionsPath))!);
        var file = new FileStream(predictionsPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        await using (file.ConfigureAwait(false))
        {
            var writeGate = new SemaphoreSlim(1);
            var failed = new List<string>();
            int answered = 0;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            EvaluationAbortedException? abort = null;
            try
            {
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = stop.Token }, async (problem, token) =>
                {
                    string prompt = Prompt(Definition(benchmark, options), problem, options.FewShotExamples);
                    string? output = null;
                    try
                    {
                        // Passing faults are retried by the pipeline; a refusal or a bug comes straight out.
                        output = await pipeline.ExecuteAsync(
                            static async (call, ct) => (await call.Model.GetResponseAsync([new ChatMessage(ChatRole.User, call.Prompt)], call.Options.Clone(), ct).ConfigureAwait(false)).Text,
                            (Model: model, Prompt: prompt, Options: chatOptions),
                            token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        // A refusal (401, 403, 404…) says the same for every problem: stop at once rather than pay for more.
                        if (TransportFault.Classify(ex, options.TimeProvider) is { Retryable: false } fault)
                        {
                            Interlocked.CompareExchange(ref abort, new EvaluationAbortedException($"The {benchmark} endpoint refused the request for problem {problem.Id} ({fault.Description}: {Reason(ex)}); the evaluation stopped without retrying. Check the model's name, endpoint and key, then run again: the {done.Count + answered} answer(s) so far are kept in {predictionsPath}.", ex), null);
                            await stop.CancelAsync().ConfigureAwait(false);
                            return;
                        }
                    }

                    if (output is null)
                    {
                        lock (failed)
                        {
                            failed.Add(problem.Id);
                        }

                        return;
                    }

                    string line = PredictionLine(problem.Id, output);
                    await writeGate.WaitAsync(token).ConfigureAwait(false);
                    try
                    {
                        await file.WriteAsync(Encoding.UTF8.GetBytes(line), token).ConfigureAwait(false);
                        await file.FlushAsync(token).ConfigureAwait(false);
                        Interlocked.Increment(ref answered);
                    }
                    finally
                    {
                        writeGate.Release();
                    }

                    progress?.Report(problem.Id);
                }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort is not null && !cancellationToken.IsCancellationRequested)
            {
                // Stopped by a refusal, reported below.
            }

            writeGate.Dispose();
            if (abort is not null)
            {
                throw abort;
            }

            return new StudentEvaluationRun(answered, failed);
        }
    }

    /// <summary>The server's reason for a refusal, one line, at most 300 characters (the message of the SDK's exception; never the request).</summary>
    private static string Reason(Exception ex)
    {
        string text = ex.Message.ReplaceLineEndings(" ").Trim();
        return text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 297), "...");
    }

    /// <summary>
    /// One line of a predictions file: the problem's id and the model's output, ending in a newline. The line keeps the
    /// spacing earlier versions wrote (an indented object with its line breaks taken out; a line break inside the
    /// output is escaped), so a file resumed across versions stays uniform.
    /// </summary>
    internal static string PredictionLine(string id, string output) =>
        ArtefactJson.Write(new PredictionLineDocument(id, output), EvaluationResultJsonContext.Default.PredictionLineDocument).Replace("\n", string.Empty, StringComparison.Ordinal) + "\n";
}
