namespace AgoraBench;

/// <summary>One printed value of Table 8: an intrinsic metric of a generator's data in a setting.</summary>
/// <param name="Metric">The metric's identifier; see <see cref="PublishedResults.IntrinsicMetricNames"/>.</param>
/// <param name="Generator">The generator's name.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Value">The printed value.</param>
internal sealed record PublishedIntrinsicMetric(string Metric, string Generator, AgoraBenchSetting Setting, double Value);
