namespace AgoraBench;

/// <summary>
/// Checks a plan's <c>domains</c> and declared benchmarks before anything runs: every domain has benchmarks and every
/// declared benchmark a domain; each prompt's <c>{{ field }}</c> exists in its problems file; each grader's kind is
/// known and its options (fields, <c>extract</c> regex, rubric file) are right. Every problem is reported.
/// </summary>
internal static class PlanBenchmarkValidator
{
    private static readonly string[] Validators = ["math", "code", "general"];

    public static void Validate(AgoraBenchPlan plan, GraderRegistry graders, BenchmarkCatalog hostBenchmarks, Action<string, string> error)
    {
        var e = plan.Evaluation;
        foreach (var (name, domain) in plan.Domains)
        {
            string path = JsonLineIndex.Path("$.domains", name);
            if (!AgoraBenchNames.TryParseDomain(name, out _))
            {
                error(path, $"'{name}' is not a domain name; use letters, digits, '-', '_' or '.', starting with a letter or a digit");
            }

            if (domain.Benchmarks.Count == 0)
            {
                error(path + ".benchmarks", "is missing or empty: a domain needs at least one benchmark to score its students");
            }

            for (int i = 0; i < domain.Benchmarks.Count; i++)
            {
                if (!e.Benchmarks.ContainsKey(domain.Benchmarks[i]) && !(EvaluationBenchmarks.TryFind(domain.Benchmarks[i], out var known) && e.Benchmarks.ContainsKey(known.Id)))
                {
                    error(JsonLineIndex.Index(path + ".benchmarks", i), $"'{domain.Benchmarks[i]}' is not declared under $.evaluation.benchmarks");
                }
            }

            foreach (var (metric, file) in domain.Rubrics)
            {
                string rubricPath = JsonLineIndex.Path(path + ".rubrics", metric);
                if (!File.Exists(file))
                {
                    error(rubricPath, $"the rubric file {file} does not exist");
                }
                else if (DomainRubrics.Problem(File.ReadAllText(file)) is { } problem)
                {
                    error(rubricPath, $"the rubric file {file} {problem}");
                }
            }

            if (domain.Validator is { } validator && Array.IndexOf(Validators, validator) < 0)
            {
                string? nearest = Suggest.Nearest(validator, Validators);
                error(path + ".validator", nearest is null ? $"'{validator}' is not a validator; expected math, code or general" : $"'{validator}' is not a validator; did you mean '{nearest}'?");
            }
        }

        string folder = plan.SourcePath is { } source ? Path.GetDirectoryName(Path.GetFullPath(source))! : Environment.CurrentDirectory;
        foreach (var (id, benchmark) in e.Benchmarks)
        {
            var definition = benchmark.Definition;
            string path = JsonLineIndex.Path("$.evaluation.benchmarks", id);
            if (hostBenchmarks.TryGet(id, out var hosted))
            {
                definition = hosted;
            }
            else if (definition.Grader.Kind.Length == 0)
            {
                error(path, $"'{id}' is neither a built-in benchmark nor one the host registers; declare it with \"prompt\" and \"grader\"");
                continue;
            }

            if (definition.Reader is not null)
            {
                continue;
            }

            if (!EvaluationBenchmarks.TryFind(id, out _) && !plan.Domains.Values.Any(d => d.Benchmarks.Contains(id, StringComparer.Ordinal)))
            {
                error(path, $"no domain uses the benchmark '{id}'; list it in a domain's \"benchmarks\" under \"domains\"");
            }

            // Whatever could be read is used for the checks below, even when some rows are wrong.
            IReadOnlyCollection<string>? fields = null;
            IReadOnlyList<BenchmarkProblem>? records = null;
            if (File.Exists(benchmark.Problems))
            {
                var table = ProblemTable.Read(File.ReadAllBytes(benchmark.Problems), benchmark.Problems, definition.IdField);
                foreach (string problem in ProblemTable.Capped(table.Errors, benchmark.Problems))
                {
                    error(path + ".problems", problem);
                }

                foreach (var problem in table.IdErrors)
                {
                    error(path + ".idField", problem.ToString());
                }

                fields = table.Fields.Count > 0 ? table.Fields : null;
                records = table.Problems;
            }

            string known = fields is null ? string.Empty : string.Join(", ", fields.Order(StringComparer.Ordinal));
            if (definition.Prompt is { } prompt)
            {
                if (LiquidTemplate.Parse(prompt, out string? parseError) is not { } template)
                {
                    error(path + ".prompt", $"is not a valid Liquid template: {parseError}");
                }
                else if (fields is not null)
                {
                    var unknownFields = template.UnknownFields(fields);
                    foreach (string unknown in unknownFields)
                    {
                        error(path + ".prompt", $"uses {{{{ {unknown} }}}}, but the problems file {benchmark.Problems} has no field '{unknown}'; its fields are {known}");
                    }

                    // A record without a field the prompt prints would be sent with a hole.
                    var holes = records!.Select(r => (Record: r, Holes: template.Holes(r).Except(unknownFields).ToList())).Where(h => h.Holes.Count > 0).ToList();
                    foreach (var (record, missing) in holes.Take(ProblemTable.RecordsNamed))
                    {
                        error(path + ".prompt", $"{benchmark.Problems}:{record.Line}: {string.Join("; ", missing.Select(m => $"field '{m}': is missing, and the prompt uses {{{{ {m} }}}}"))}");
                    }

                    if (holes.Count > ProblemTable.RecordsNamed)
                    {
                        error(path + ".prompt", $"{benchmark.Problems}: … and {holes.Count - ProblemTable.RecordsNamed} more records lack a field the prompt uses");
                    }
                }
            }

            try
            {
                graders.Create(definition.Grader, new GraderContext { BaseDirectory = folder, Fields = fields, Problems = records, ProblemsPath = benchmark.Problems });
            }
            catch (DataValidationException ex)
            {
                foreach (var problem in ex.Errors)
                {
                    error(problem.Field is null ? path + ".grader" : path + ".grader." + problem.Field, problem.Message);
                }
            }

            if (definition.Grader.Kind is "judge" or "pairwise" && e.Judge is null)
            {
                error("$.evaluation.judge", $"is missing: the {definition.Grader.Kind} grader of '{id}' needs a judge model");
            }
        }
    }
}
