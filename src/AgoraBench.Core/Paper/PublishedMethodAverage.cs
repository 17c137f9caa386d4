namespace AgoraBench;

/// <summary>One printed method average ("Avg" column) of Table 2, which the authors computed from unrounded cells.</summary>
/// <param name="Generator">The generator's name.</param>
/// <param name="Method">The method.</param>
/// <param name="Value">The printed average PGR in percent.</param>
internal sealed record PublishedMethodAverage(string Generator, GenerationMethod Method, double Value);
