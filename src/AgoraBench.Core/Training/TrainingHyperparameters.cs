namespace AgoraBench;

/// <summary>Hyperparameters of student training. The defaults are the paper's (Table 6): full SFT of Llama-3.1-8B.</summary>
public sealed class TrainingHyperparameters
{
    /// <summary>Initializes a recipe; every argument left out keeps the paper's value.</summary>
    /// <param name="epochs">Training epochs.</param>
    /// <param name="learningRate">The learning rate.</param>
    /// <param name="batchSize">The per-device batch size.</param>
    /// <param name="gradientAccumulationSteps">Gradient accumulation steps.</param>
    /// <param name="maxSequenceLength">The maximum sequence length in tokens.</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="learningRateMultiplier">A hosted fine-tuning API's learning-rate multiplier, or <see langword="null"/> for its default.</param>
    public TrainingHyperparameters(int epochs = 5, double learningRate = 1e-5, int batchSize = 4, int gradientAccumulationSteps = 8, int maxSequenceLength = 4096, int seed = 42, double? learningRateMultiplier = null)
    {
        Epochs = epochs;
        LearningRate = learningRate;
        BatchSize = batchSize;
        GradientAccumulationSteps = gradientAccumulationSteps;
        MaxSequenceLength = maxSequenceLength;
        Seed = seed;
        LearningRateMultiplier = learningRateMultiplier;
    }

    /// <summary>Gets the number of epochs. The paper: 5.</summary>
    public int Epochs { get; internal init; }

    /// <summary>Gets the learning rate. The paper: 1e-5.</summary>
    public double LearningRate { get; internal init; }

    /// <summary>Gets the per-device batch size. The paper: 4.</summary>
    public int BatchSize { get; internal init; }

    /// <summary>Gets the gradient accumulation steps. The paper: 8.</summary>
    public int GradientAccumulationSteps { get; internal init; }

    /// <summary>Gets the maximum sequence length in tokens. The paper: 4,096.</summary>
    public int MaxSequenceLength { get; internal init; }

    /// <summary>Gets the random seed. The paper: 42.</summary>
    public int Seed { get; internal init; }

    /// <summary>Gets the learning-rate multiplier for hosted fine-tuning APIs that take one instead of a learning rate, or <see langword="null"/> for the provider's default.</summary>
    public double? LearningRateMultiplier { get; internal init; }

    /// <summary>Lists every invalid value.</summary>
    /// <returns>The problems; empty when the hyperparameters are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Epochs < 1)
        {
            errors.Add($"Epochs must be at least 1; it is {Epochs}.");
        }

        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            errors.Add($"LearningRate must be a positive number; it is {LearningRate}.");
        }

        if (BatchSize < 1)
        {
            errors.Add($"BatchSize must be at least 1; it is {BatchSize}.");
        }

        if (GradientAccumulationSteps < 1)
        {
            errors.Add($"GradientAccumulationSteps must be at least 1; it is {GradientAccumulationSteps}.");
        }

        if (MaxSequenceLength < 16)
        {
            errors.Add($"MaxSequenceLength must be at least 16; it is {MaxSequenceLength}.");
        }

        if (LearningRateMultiplier is double m && !(m > 0))
        {
            errors.Add($"LearningRateMultiplier must be positive; it is {m}.");
        }

        return errors;
    }

    /// <summary>A copy of these hyperparameters with another seed (one repeat of a training run).</summary>
    internal TrainingHyperparameters WithSeed(int seed) => new()
    {
        Epochs = Epochs,
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        GradientAccumulationSteps = GradientAccumulationSteps,
        MaxSequenceLength = MaxSequenceLength,
        Seed = seed,
        LearningRateMultiplier = LearningRateMultiplier,
    };
}
