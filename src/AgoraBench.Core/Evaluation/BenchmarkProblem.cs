using System.Text.Json;

namespace AgoraBench;

/// <summary>One problem of an evaluation benchmark, read from its native format.</summary>
public sealed class BenchmarkProblem
{
    /// <summary>Initializes a new instance of the <see cref="BenchmarkProblem"/> class.</summary>
    /// <param name="id">The problem's identifier: <c>task_id</c> (HumanEval, MBPP), <c>unique_id</c> (MATH), <c>question_id</c> (Arena-Hard), or the 0-based row number (GSM8K, AlpacaEval).</param>
    /// <param name="prompt">What the student is asked.</param>
    /// <param name="answer">The gold answer (GSM8K: the number after <c>####</c>; MATH: <c>answer</c>), the reference solution (HumanEval, MBPP) or the reference output (AlpacaEval, Arena-Hard); <see langword="null"/> when the format has none.</param>
    /// <param name="line">The 1-based line (JSON Lines) or element number (JSON array) it came from.</param>
    internal BenchmarkProblem(string id, string prompt, string? answer, int line)
    {
        Id = id;
        Prompt = prompt;
        Answer = answer;
        Line = line;
    }

    /// <summary>Gets the problem's identifier: <c>task_id</c> (HumanEval, MBPP), <c>unique_id</c> (MATH), <c>question_id</c> (Arena-Hard), or the 0-based row number (GSM8K, AlpacaEval).</summary>
    public string Id { get; }

    /// <summary>Gets what the student is asked.</summary>
    public string Prompt { get; }

    /// <summary>Gets the gold answer (GSM8K: the number after <c>####</c>; MATH: <c>answer</c>), the reference solution (HumanEval, MBPP) or the reference output (AlpacaEval, Arena-Hard); <see langword="null"/> when the format has none.</summary>
    public string? Answer { get; }

    /// <summary>Gets the 1-based line (JSON Lines) or element number (JSON array) it came from.</summary>
    internal int Line { get; }

    /// <summary>Gets every field of the source record (tests, entry points, categories, …).</summary>
    public IReadOnlyDictionary<string, JsonElement> Fields { get; internal init; } = new Dictionary<string, JsonElement>();
}
