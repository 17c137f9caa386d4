using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// One instruction/response pair: a seed instance, a generated instance, or a revised one.
/// </summary>
/// <remarks>
/// The JSON field names are those of the reference data files (<c>instruction</c>, <c>response</c>, <c>config</c>,
/// <c>idx</c>) plus <c>id</c>, <c>method</c>, <c>domain</c> and <c>generator</c>. Any other field read from a file is
/// kept and written back unchanged. Instances are immutable: build one from its instruction and response (and an id if
/// you have one); the position, source tag, provenance tags and extra fields are set by the dataset reader and the
/// generation engine.
/// </remarks>
public sealed class SyntheticInstance
{
    /// <summary>Initializes an instance from its text.</summary>
    /// <param name="instruction">The instruction (the question, task or problem).</param>
    /// <param name="response">The response (the answer or solution).</param>
    /// <param name="id">A stable identifier, or <see langword="null"/>.</param>
    public SyntheticInstance(string instruction, string response, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(response);
        Instruction = instruction;
        Response = response;
        Id = id;
    }

    internal SyntheticInstance()
    {
    }

    /// <summary>Gets the instruction (the question, task or problem). It may be empty; metrics report empty text as a diagnostic.</summary>
    public string Instruction { get; internal init; } = string.Empty;

    /// <summary>Gets the response (the answer or solution). It may be empty.</summary>
    public string Response { get; internal init; } = string.Empty;

    /// <summary>Gets a stable identifier (JSON <c>id</c>), or <see langword="null"/>.</summary>
    public string? Id { get; internal init; }

    /// <summary>Gets the position of the seed this instance derives from (JSON <c>idx</c>), or <see langword="null"/>.</summary>
    internal int? Index { get; init; }

    /// <summary>Gets the source tag (JSON <c>config</c>), for example <c>math</c>, <c>magpie_code</c> or <c>webinstruct_general</c>.</summary>
    internal string? Config { get; init; }

    /// <summary>Gets the generation method that produced the instance, or <see langword="null"/> for seed data.</summary>
    public GenerationMethod? Method { get; internal init; }

    /// <summary>Gets the domain of the instance, or <see langword="null"/> when not recorded.</summary>
    public BenchmarkDomain? Domain { get; internal init; }

    /// <summary>Gets the name of the generator model that produced the instance, or <see langword="null"/>.</summary>
    public string? Generator { get; internal init; }

    /// <summary>Gets fields read from a file that have no property here; they are written back unchanged.</summary>
    internal IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
