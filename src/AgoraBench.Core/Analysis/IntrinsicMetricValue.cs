namespace AgoraBench;

/// <summary>The value of an intrinsic metric (instruction difficulty, response quality, perplexity, diversity, …) for one generator's data in one setting.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Metric">The metric's name; each distinct name becomes one PCA feature.</param>
/// <param name="Value">The dataset-level value.</param>
internal sealed record IntrinsicMetricValue(string Generator, AgoraBenchSetting Setting, string Metric, double Value);
