namespace AgoraBench;

/// <summary>A feature's loading strength in a PCA and its share of all features' strengths.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Strength">The mean absolute loading over the components considered.</param>
/// <param name="SharePercent">Strength ÷ the sum of all strengths × 100.</param>
internal sealed record FeatureContribution(string Feature, double Strength, double SharePercent);
