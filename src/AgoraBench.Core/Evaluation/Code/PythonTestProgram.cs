namespace AgoraBench;

/// <summary>
/// A program to grade and its tests, kept apart: the <see cref="PythonSandbox"/> runs <see cref="Program"/> in the
/// isolated candidate process and <see cref="Tests"/> in a separate trusted tester process, so the program never sees,
/// patches or reports the tests' outcome.
/// </summary>
/// <param name="Program">The untrusted program (for example a HumanEval prompt with the model's completion).</param>
/// <param name="Tests">
/// The trusted test code. Each name it uses that neither it, <see cref="Context"/> nor Python's builtins define is
/// looked up in the program: a function or class becomes a proxy whose calls run in the program and return plain data
/// (None, bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset) rebuilt as built-in objects, a
/// standard-library module is imported in the tester, and a plain value is copied.
/// </param>
internal sealed record PythonTestProgram(string Program, string Tests)
{
    /// <summary>Gets trusted code run in the tester before the tests (imports, helpers, a HumanEval prompt).</summary>
    public string Context { get; init; } = string.Empty;

    /// <summary>Gets the names that always refer to the program's functions, even where <see cref="Context"/> defines them.</summary>
    public IReadOnlyList<string> Remote { get; init; } = [];

    /// <summary>Gets extra names for calls of the program's functions (for example HumanEval's <c>candidate</c>), used to ask for literal-argument calls in one batch.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
