using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// One instruction/response pair: a seed instance, a generated instance, or a revised one.
/// </summary>
/// <remarks>
/// The JSON field names are those of the reference data files (<c>instruction</c>, <c>response</c>, <c>config</c>,
/// <c>idx</c>) plus <c>id</c>, <c>method</c>, <c>domain</c> and <c>generator</c>. Any other field read from a file is
/// kept in <see cref="AdditionalProperties"/> and written back unchanged. Instances are immutable: build one with an
/// object initializer (<see cref="Instruction"/>, <see cref="Response"/> and the tags you know); the position, source tag
/// and extra fields are set by the dataset reader and the generation engine.
/// </remarks>
public sealed class SyntheticInstance
{
    /// <summary>Gets the instruction (the question, task or problem). It may be empty; metrics report empty text as a diagnostic.</summary>
    public required string Instruction { get; init; }

    /// <summary>Gets the response (the answer or solution). It may be empty.</summary>
    public required string Response { get; init; }

    /// <summary>Gets a stable identifier (JSON <c>id</c>), or <see langword="null"/>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the position of the seed this instance derives from (JSON <c>idx</c>), or <see langword="null"/>.</summary>
    public int? Index { get; internal init; }

    /// <summary>Gets the source tag (JSON <c>config</c>), for example <c>math</c>, <c>magpie_code</c> or <c>webinstruct_general</c>.</summary>
    public string? Config { get; internal init; }

    /// <summary>Gets the generation method that produced the instance, or <see langword="null"/> for seed data.</summary>
    public GenerationMethod? Method { get; init; }

    /// <summary>Gets the domain of the instance, or <see langword="null"/> when not recorded.</summary>
    public BenchmarkDomain? Domain { get; init; }

    /// <summary>Gets the name of the generator model that produced the instance, or <see langword="null"/>.</summary>
    public string? Generator { get; init; }

    /// <summary>Gets fields read from a file that have no property here; they are written back unchanged.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; internal init; }
}
