namespace AgoraBench;

/// <summary>
/// One item's calls to the generator as the engine's resilience pipelines see them: the current attempt, its prompt and
/// request, the transport failures the item has had (across its attempts), and whether the last one opened the circuit.
/// </summary>
internal sealed class GenerationCall(GenerationEngine engine, RunState state, int item, string itemId, IReadOnlyList<SyntheticInstance> seeds, GenerationRunStore store, IProgress<GenerationSummary>? progress)
{
    public IReadOnlyList<SyntheticInstance> Seeds { get; } = seeds;

    public GenerationRunStore Store { get; } = store;

    public IProgress<GenerationSummary>? Progress { get; } = progress;

    /// <summary>Gets or sets the current attempt number (1-based; a completion is an attempt, a transport retry is not).</summary>
    public int Attempt { get; set; }

    /// <summary>Gets or sets the prompt of the current attempt, or <see langword="null"/> until it is drawn.</summary>
    public string? Prompt { get; set; }

    /// <summary>Gets or sets a value indicating whether the current attempt's prompt is in the issued-prompt log.</summary>
    public bool Issued { get; set; }

    public GenerationEngine Engine { get; } = engine;

    public RunState State { get; } = state;

    public int Item { get; } = item;

    public string ItemId { get; } = itemId;

    /// <summary>Gets or sets the request of the current attempt (a transport retry resends it).</summary>
    public GenerationRequest Request { get; set; } = null!;

    /// <summary>Gets or sets the passing fault of the last call, or <see langword="null"/> when it did not fail in passing.</summary>
    public TransportFault? Fault { get; set; }

    /// <summary>Gets or sets how many transport failures this item has had.</summary>
    public int TransportFailures { get; set; }

    /// <summary>Gets or sets a value indicating whether the last failure made the failures in a row reach the circuit breaker's threshold.</summary>
    public bool CircuitOpened { get; set; }
}
