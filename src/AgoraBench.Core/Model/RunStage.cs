namespace AgoraBench;

/// <summary>The stages of an AGORABENCH run, in order. Stable names: <c>generate</c>, <c>metrics</c>, <c>export</c>, <c>train</c>, <c>evaluate</c>, <c>pgr</c>, <c>analyze</c>, <c>report</c>.</summary>
public enum RunStage
{
    /// <summary>Generate each generator × setting's dataset.</summary>
    Generate = 0,

    /// <summary>Compute the intrinsic metrics of each dataset.</summary>
    Metrics = 1,

    /// <summary>Export each dataset (with the seed data for instance generation) as SFT training data.</summary>
    Export = 2,

    /// <summary>Train a student on each dataset with the plan's trainer.</summary>
    Train = 3,

    /// <summary>Evaluate the base model, the reference model (once each) and every student on its domain's benchmarks.</summary>
    Evaluate = 4,

    /// <summary>Compute Performance Gap Recovered from the scores.</summary>
    Pgr = 5,

    /// <summary>Assemble the analysis tables: PGR, intrinsic metrics, problem-solving, prices and measured usage.</summary>
    Analyze = 6,

    /// <summary>Run the analyses and write the report (results.json, report.md, report.html, CSV tables).</summary>
    Report = 7,
}
