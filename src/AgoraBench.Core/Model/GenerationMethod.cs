namespace AgoraBench;

/// <summary>
/// The three ways a generator produces synthetic data in AGORABENCH.
/// </summary>
/// <remarks>
/// Stable names are <c>instance-generation</c>, <c>response-generation</c> and <c>quality-enhancement</c>;
/// see <see cref="AgoraBenchNames"/>.
/// </remarks>
public enum GenerationMethod
{
    /// <summary>Instance generation: write new instruction/response pairs from a few seed demonstrations.</summary>
    InstanceGeneration = 0,

    /// <summary>Response generation: write a response for each seed instruction.</summary>
    ResponseGeneration = 1,

    /// <summary>Quality enhancement: revise each seed instruction/response pair.</summary>
    QualityEnhancement = 2,
}
