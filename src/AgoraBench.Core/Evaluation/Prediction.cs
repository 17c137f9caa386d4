namespace AgoraBench;

/// <summary>A model's output(s) for one benchmark problem.</summary>
internal sealed class Prediction
{
    internal Prediction(string id, IReadOnlyList<string> outputs, int line)
    {
        Id = id;
        Outputs = outputs;
        Line = line;
    }

    /// <summary>Gets the problem id it answers.</summary>
    public string Id { get; }

    /// <summary>Gets one output, or several samples (for pass@k).</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Gets the 1-based line of the predictions file.</summary>
    internal int Line { get; }
}
