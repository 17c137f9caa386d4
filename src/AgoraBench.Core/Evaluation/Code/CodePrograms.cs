using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>Builds runnable test programs from model answers: code extraction, HumanEval and MBPP assembly.</summary>
internal static partial class CodePrograms
{
    /// <summary>
    /// Extracts code from a chat answer: the first fenced block marked <c>python</c> / <c>py</c>, else the first fenced
    /// block, else the whole answer.
    /// </summary>
    /// <param name="answer">The model's answer.</param>
    /// <returns>The code.</returns>
    public static string ExtractCode(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var blocks = Fence().Matches(answer);
        var python = blocks.FirstOrDefault(b => b.Groups["lang"].Value.ToLowerInvariant() is "python" or "py" or "python3");
        var chosen = python ?? blocks.FirstOrDefault();
        return chosen is null ? answer : chosen.Groups["code"].Value;
    }

    /// <summary>
    /// Assembles a HumanEval program: the prompt with the completion (or, when the answer defines the entry point
    /// itself, the prompt followed by the whole function), then the problem's <c>test</c> and <c>check(entry_point)</c>.
    /// A self-checking program for trusted code; grading uses <see cref="HumanEvalTest"/>, which keeps the tests out of
    /// the program's reach.
    /// </summary>
    /// <param name="problem">A HumanEval problem (fields <c>prompt</c>, <c>test</c>, <c>entry_point</c>).</param>
    /// <param name="answer">The model's completion or answer.</param>
    /// <returns>The program.</returns>
    public static string HumanEval(BenchmarkProblem problem, string answer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string code = ExtractCode(answer);
        string entry = Field(problem, "entry_point");
        bool wholeFunction = Regex.IsMatch(code, @"^\s*def\s+" + Regex.Escape(entry) + @"\s*\(", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        string body = wholeFunction ? problem.Prompt + "\n    pass\n\n" + code : problem.Prompt + code;
        return body + "\n\n" + Field(problem, "test") + $"\n\ncheck({entry})\n";
    }

    /// <summary>
    /// Splits a HumanEval problem for grading: the program is the prompt with the completion (or the whole function, as in
    /// <see cref="HumanEval"/>); the tests are the problem's <c>test</c> and <c>check(entry_point)</c>, run in the tester
    /// with the prompt as trusted context and the entry point (also passed as <c>candidate</c>) calling into the program.
    /// </summary>
    /// <param name="problem">A HumanEval problem (fields <c>prompt</c>, <c>test</c>, <c>entry_point</c>).</param>
    /// <param name="answer">The model's completion or answer.</param>
    /// <returns>The program and its tests.</returns>
    public static PythonTestProgram HumanEvalTest(BenchmarkProblem problem, string answer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string code = ExtractCode(answer);
        string entry = Field(problem, "entry_point");
        bool wholeFunction = Regex.IsMatch(code, @"^\s*def\s+" + Regex.Escape(entry) + @"\s*\(", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        string body = wholeFunction ? problem.Prompt + "\n    pass\n\n" + code : problem.Prompt + code;
        return new PythonTestProgram(body + "\n", Field(problem, "test") + $"\n\ncheck({entry})\n")
        {
            Context = problem.Prompt + "\n    pass\n",
            Remote = [entry],
            Aliases = new Dictionary<string, string>(StringComparer.Ordinal) { ["candidate"] = entry },
        };
    }

    /// <summary>
    /// Splits an MBPP problem for grading: the program is <c>test_imports</c>, <c>test_setup_code</c> and the code; the
    /// tests are the asserts of <c>test_list</c>, run in the tester after the imports and set-up code, calling the
    /// program's functions.
    /// </summary>
    /// <param name="problem">An MBPP problem.</param>
    /// <param name="answer">The model's answer.</param>
    /// <returns>The program and its tests.</returns>
    public static PythonTestProgram MbppTest(BenchmarkProblem problem, string answer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string setup = MbppSetup(problem);
        var tests = problem.Fields["test_list"].EnumerateArray().Select(t => t.GetString());
        string testCode = string.Join("\n", tests) + "\n";

        // The functions under test are those the reference code defines and the tests call: they refer to the program
        // even where they share a builtin's name (MBPP has a `sum`); every other builtin stays the tester's own.
        var tested = problem.Answer is null
            ? []
            : DefinedFunction().Matches(problem.Answer).Select(m => m.Groups["name"].Value)
                .Where(name => Regex.IsMatch(testCode, @"(?<![\w.])" + Regex.Escape(name) + @"\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)))
                .Distinct(StringComparer.Ordinal).ToArray();
        return new PythonTestProgram(setup + "\n" + ExtractCode(answer).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", testCode)
        {
            Context = setup + "\n",
            Remote = tested,
        };
    }

    /// <summary>Assembles an MBPP program: <c>test_setup_code</c>, the code, then each assert of <c>test_list</c>.</summary>
    /// <param name="problem">An MBPP problem.</param>
    /// <param name="answer">The model's answer.</param>
    /// <returns>The program.</returns>
    public static string Mbpp(BenchmarkProblem problem, string answer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string setup = MbppSetup(problem);
        var tests = problem.Fields["test_list"].EnumerateArray().Select(t => t.GetString());
        return setup + "\n" + ExtractCode(answer).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n\n" + string.Join("\n", tests) + "\n";
    }

    private static string MbppSetup(BenchmarkProblem problem)
    {
        string setup = problem.Fields.TryGetValue("test_setup_code", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : string.Empty;
        if (problem.Fields.TryGetValue("test_imports", out var imports) && imports.ValueKind == JsonValueKind.Array)
        {
            setup = string.Join("\n", imports.EnumerateArray().Select(i => i.GetString())) + "\n" + setup;
        }

        return setup;
    }

    private static string Field(BenchmarkProblem problem, string name) =>
        problem.Fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ArgumentException($"The problem {problem.Id} has no '{name}'.", nameof(problem));

    [GeneratedRegex(@"^def\s+(?<name>[A-Za-z_]\w*)\s*\(", RegexOptions.Multiline)]
    private static partial Regex DefinedFunction();

    [GeneratedRegex(@"```(?<lang>[A-Za-z0-9_+-]*)[ \t]*\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
