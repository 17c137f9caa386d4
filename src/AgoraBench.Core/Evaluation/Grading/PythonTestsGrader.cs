using System.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// The <c>python-tests</c> kind: runs the problem's tests against the answer in the <see cref="PythonSandbox"/>. Every
/// program first defines <c>answer</c> (the extracted text) and <c>response</c> (the whole reply) as Python strings; in
/// <c>code</c> mode the <c>prefix</c> fields and the extracted code run next; then the <c>tests</c> field, then
/// <c>check(&lt;entryPoint&gt;)</c> when an entry point field is named. Score 1 when the program finishes without an
/// exception.
/// </summary>
internal sealed partial class PythonTestsGrader : IBenchmarkGrader
{
    private readonly string _tests;
    private readonly IReadOnlyList<string> _prefix;
    private readonly string? _entryPoint;
    private readonly Regex? _extract;
    private readonly string _answerAs;
    private readonly bool _firstPython;
    private readonly GraderContext _context;

    public PythonTestsGrader(GraderSpec spec, GraderContext context)
    {
        var options = new GraderOptions(spec, context);
        _context = context;
        _tests = options.Field("tests", required: true) ?? string.Empty;
        _prefix = options.Fields("prefix");
        _entryPoint = options.Field("entryPoint");
        _extract = options.Extract();
        _answerAs = options.Text("answerAs") ?? "auto";
        if (_answerAs is not ("auto" or "code" or "string"))
        {
            options.Error("answerAs", "must be code, string or auto");
        }

        string block = options.Text("block") ?? "last";
        if (block is not ("last" or "first-python"))
        {
            options.Error("block", "must be last (the last fenced block) or first-python (the first python block, else the first block)");
        }

        _firstPython = block == "first-python";
        options.Done();
    }

    public async Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var sandbox = _context.Sandbox ?? throw new InvalidOperationException("The python-tests grader needs a sandbox (GraderContext.Sandbox).");
        if (AnswerExtraction.Field(item.Problem, _tests) is not { } tests)
        {
            return ItemScore.Unscored($"the problem has no tests in '{_tests}'");
        }

        var fence = AnswerExtraction.LastFence(item.Output);
        string code = _extract is not null ? AnswerExtraction.Apply(_extract, item.Output) ?? string.Empty
            : _firstPython ? CodePrograms.ExtractCode(item.Output)
            : fence?.Code ?? item.Output;
        code = code.Replace("\r\n", "\n", StringComparison.Ordinal);
        bool runCode = _answerAs == "code" || (_answerAs == "auto" && (fence is null || fence.Value.Language.ToLowerInvariant() is "" or "python" or "py" or "python3"));
        var program = new StringBuilder()
            .Append("answer = ").Append(PythonString(code)).Append('\n')
            .Append("response = ").Append(PythonString(item.Output)).Append('\n');
        string prefix = string.Join("\n", _prefix.Select(f => AnswerExtraction.Field(item.Problem, f)).Where(t => !string.IsNullOrEmpty(t)));
        if (runCode)
        {
            if (_entryPoint is not null && AnswerExtraction.Field(item.Problem, _entryPoint) is { } entry)
            {
                // A completion continues the prefix (HumanEval's signature); a whole function replaces it after a stub.
                bool wholeFunction = Regex.IsMatch(code, @"^\s*def\s+" + Regex.Escape(entry) + @"\s*\(", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
                program.Append(wholeFunction ? prefix + "\n    pass\n\n" + code : prefix + code);
            }
            else
            {
                program.Append(prefix).Append('\n').Append(code);
            }
        }
        else
        {
            program.Append(prefix);
        }

        // The tests run in the sandbox's trusted tester process, apart from the candidate program (names they use are looked up in it).
        var testCode = new StringBuilder(tests).Append('\n');
        string? entryName = _entryPoint is null ? null : AnswerExtraction.Field(item.Problem, _entryPoint);
        if (entryName is not null)
        {
            testCode.Append("\ncheck(").Append(entryName).Append(")\n");
        }

        var run = new PythonTestProgram(program.Append('\n').ToString(), testCode.ToString())
        {
            Context = entryName is null ? prefix : prefix + "\n    pass\n",
            Remote = entryName is null ? [] : [entryName],
            Aliases = entryName is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal) { ["candidate"] = entryName },
        };
        var result = await sandbox.RunAsync(run, _context.Limits, cancellationToken).ConfigureAwait(false);
        if (result.Passed)
        {
            return new ItemScore(1.0, "passed", result.Status) { Run = result };
        }

        string last = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        return new ItemScore(0.0, result.Status == "timeout" || last.Length == 0 ? result.Status : result.Status + ": " + last, result.Status) { Run = result };
    }

    /// <summary>A Python string literal of any text: quotes, backslashes and control characters escaped, everything else as is.</summary>
    internal static string PythonString(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            _ = c switch
            {
                '\\' => literal.Append(@"\\"),
                '"' => literal.Append("\\\""),
                '\n' => literal.Append("\\n"),
                '\r' => literal.Append("\\r"),
                '\t' => literal.Append("\\t"),
                _ when char.IsSurrogate(c) => literal.Append(c),
                _ when c < ' ' || c == '\u007f' || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => literal.Append(c),
            };
        }

        return literal.Append('"').ToString();
    }
}
