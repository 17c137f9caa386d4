namespace AgoraBench;

/// <summary>What a budget buys from one generator.</summary>
internal sealed class BudgetOption
{
    internal BudgetOption(string generator, int instances, double usdPerSetting, double predictedPgr, string basis)
    {
        Generator = generator;
        Instances = instances;
        UsdPerSetting = usdPerSetting;
        PredictedPgr = predictedPgr;
        Basis = basis;
    }

    /// <summary>Gets the generator.</summary>
    public string Generator { get; }

    /// <summary>Gets instances per setting the budget affords (capped at the largest measured size).</summary>
    public int Instances { get; }

    /// <summary>Gets their cost.</summary>
    public double UsdPerSetting { get; }

    /// <summary>Gets the overall PGR expected at that size, interpolated (in log instances) between measured points; never extrapolated.</summary>
    public double PredictedPgr { get; }

    /// <summary>Gets how the prediction was made.</summary>
    public string Basis { get; }
}
