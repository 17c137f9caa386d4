namespace AgoraBench;

/// <summary>A measured overall PGR of a generator at a number of instances per setting, used to plan a budget.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Instances">Instances per setting.</param>
/// <param name="Pgr">The overall PGR measured at that size.</param>
internal sealed record ScalingPoint(string Generator, int Instances, double Pgr);
