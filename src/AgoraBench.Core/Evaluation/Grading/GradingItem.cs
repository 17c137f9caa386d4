namespace AgoraBench;

/// <summary>One answer to grade.</summary>
public sealed class GradingItem
{
    /// <summary>Initializes a new instance of the <see cref="GradingItem"/> class.</summary>
    /// <param name="problem">The problem, with every field of its record.</param>
    /// <param name="output">The model's whole answer.</param>
    /// <param name="question">The prompt the model was asked (the rendered student prompt).</param>
    internal GradingItem(BenchmarkProblem problem, string output, string question)
    {
        Problem = problem;
        Output = output;
        Question = question;
    }

    /// <summary>Gets the problem, with every field of its record.</summary>
    public BenchmarkProblem Problem { get; }

    /// <summary>Gets the model's whole answer.</summary>
    public string Output { get; }

    /// <summary>Gets the prompt the model was asked (the rendered student prompt).</summary>
    internal string Question { get; }
}
