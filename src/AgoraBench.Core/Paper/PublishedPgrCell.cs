namespace AgoraBench;

/// <summary>One printed PGR value of Table 2: a generator in a setting, in percent, rounded to one decimal.</summary>
/// <param name="Generator">The generator's name.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Value">The printed PGR in percent.</param>
internal sealed record PublishedPgrCell(string Generator, AgoraBenchSetting Setting, double Value);
