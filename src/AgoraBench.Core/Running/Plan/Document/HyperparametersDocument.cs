using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>training.hyperparameters</c> section of a plan file.</summary>
[Description("Fine-tuning hyperparameters; the defaults are the paper's.")]
internal sealed record HyperparametersDocument
{
    private static readonly TrainingHyperparameters Defaults = new();

    [Range(1, int.MaxValue)]
    public int Epochs { get; set; } = Defaults.Epochs;

    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double LearningRate { get; set; } = Defaults.LearningRate;

    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = Defaults.BatchSize;

    [Range(1, int.MaxValue)]
    public int GradientAccumulationSteps { get; set; } = Defaults.GradientAccumulationSteps;

    [Range(1, int.MaxValue)]
    public int MaxSequenceLength { get; set; } = Defaults.MaxSequenceLength;

    public int Seed { get; set; } = Defaults.Seed;

    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    [Description("The learning-rate multiplier of a fine-tuning API.")]
    public double? LearningRateMultiplier { get; set; }
}
