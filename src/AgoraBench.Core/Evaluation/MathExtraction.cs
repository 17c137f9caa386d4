namespace AgoraBench;

/// <summary>Which final answer <see cref="MathAnswerExtractor"/> takes from a model's output.</summary>
internal enum MathExtraction
{
    /// <summary>The last: <c>[RESULT]…[/RESULT]</c>, then the last <c>\boxed{}</c>, the last <c>####</c>, the last "answer is", the last number.</summary>
    Last = 0,

    /// <summary>
    /// lm-eval's GSM8K: the output is cut at the next "Question:" (a model that goes on to invent the next few-shot
    /// question; one at the very start, an echoed prompt, does not count), then the first <c>####</c> answer; without one, <see cref="Last"/> on the cut output.
    /// </summary>
    First = 1,
}
