namespace AgoraBench;

/// <summary>What a budget buys from one generator.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Instances">Instances per setting the budget affords (capped at the largest measured size).</param>
/// <param name="UsdPerSetting">Their cost.</param>
/// <param name="PredictedPgr">The overall PGR expected at that size, interpolated (in log instances) between measured points; never extrapolated.</param>
/// <param name="Basis">How the prediction was made.</param>
public sealed record BudgetOption(string Generator, int Instances, double UsdPerSetting, double PredictedPgr, string Basis);
