using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Something an analysis left out or could not compute, and why.</summary>
public sealed class AnalysisDiagnostic
{
    [JsonConstructor]
    internal AnalysisDiagnostic(string stage, string message)
    {
        Stage = stage;
        Message = message;
    }

    /// <summary>Gets the part of the analysis: <c>regression.coarse</c>, <c>regression.fine</c>, <c>pca</c>, <c>pc_regression</c>, <c>cost</c> or <c>budget</c>.</summary>
    public string Stage { get; }

    /// <summary>Gets what happened.</summary>
    public string Message { get; }
}
