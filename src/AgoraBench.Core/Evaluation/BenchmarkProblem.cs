using System.Text.Json;

namespace AgoraBench;

/// <summary>One problem of an evaluation benchmark, read from its native format.</summary>
/// <param name="Id">The problem's identifier: <c>task_id</c> (HumanEval, MBPP), <c>unique_id</c> (MATH), <c>question_id</c> (Arena-Hard), or the 0-based row number (GSM8K, AlpacaEval).</param>
/// <param name="Prompt">What the student is asked.</param>
/// <param name="Answer">The gold answer (GSM8K: the number after <c>####</c>; MATH: <c>answer</c>), the reference solution (HumanEval, MBPP) or the reference output (AlpacaEval, Arena-Hard); <see langword="null"/> when the format has none.</param>
/// <param name="Line">The 1-based line (JSON Lines) or element number (JSON array) it came from.</param>
public sealed record BenchmarkProblem(string Id, string Prompt, string? Answer, int Line)
{
    /// <summary>Gets every field of the source record (tests, entry points, categories, …).</summary>
    public IReadOnlyDictionary<string, JsonElement> Fields { get; init; } = new Dictionary<string, JsonElement>();
}
