namespace AgoraBench;

/// <summary>
/// One item's calls to the generator as the engine's resilience pipeline sees them: the request of the current
/// attempt, the transport failures the item has had (across its attempts), and whether the last one opened the circuit.
/// </summary>
internal sealed class GenerationCall(GenerationEngine engine, RunState state, int item, string itemId)
{
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
