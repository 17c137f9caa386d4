namespace AgoraBench.Onnx;

/// <summary>Options of <see cref="OnnxLogProbabilityScorer"/>.</summary>
public sealed class OnnxLogProbabilityScorerOptions
{
    /// <summary>Gets or sets a token id placed before the context (for example Llama-3's <c>&lt;|begin_of_text|&gt;</c>, 128000), or <see langword="null"/> for none.</summary>
    public int? BeginningOfSequenceId { get; set; }

    /// <summary>Gets or sets the longest sequence scored; longer ones are cut from the start of the context, and a response longer than this is an error.</summary>
    /// <value>The default value is 4,096, the paper's training length.</value>
    public int MaxSequenceLength { get; set; } = 4096;

    /// <summary>Gets or sets how many sequences run through the model at once (each is its own run; ONNX Runtime uses its own threads).</summary>
    /// <value>The default value is 1.</value>
    public int Concurrency { get; set; } = 1;
}
