using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>A grader as declared: its kind and options (the plan's <c>evaluation.benchmarks.&lt;id&gt;.grader</c> object without <c>kind</c>).</summary>
public sealed class GraderSpec
{
    /// <summary>Initializes a new instance of the <see cref="GraderSpec"/> class.</summary>
    /// <param name="kind">The grader kind, for example <c>exact</c>, <c>numeric</c>, <c>math</c>, <c>python-tests</c>, <c>judge</c>, <c>pairwise</c> or a kind a host registered.</param>
    /// <param name="options">The options, for example <c>{"answer": "gold", "tolerance": 0.01}</c>; <see langword="null"/> for none.</param>
    public GraderSpec(string kind, JsonObject? options = null)
    {
        Kind = kind;
        Options = options ?? [];
    }

    /// <summary>Gets the grader kind, for example <c>exact</c>, <c>numeric</c>, <c>math</c>, <c>python-tests</c>, <c>judge</c>, <c>pairwise</c> or a kind a host registered.</summary>
    public string Kind { get; }

    /// <summary>Gets the options, for example <c>{"answer": "gold", "tolerance": 0.01}</c>.</summary>
    public JsonObject Options { get; }

    /// <summary>Gets an option as text, or <see langword="null"/> when it is absent or not a string.</summary>
    /// <param name="name">The option.</param>
    /// <returns>The text.</returns>
    internal string? Text(string name) => Options.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
