namespace AgoraBench;

/// <summary>How instance-generation prompts pick their three demonstrations (the spec asks for a deliberate choice, §2.2).</summary>
internal enum DemonstrationMode
{
    /// <summary>The paper's intent: two demonstrations from the seed data and one from the instances generated so far (a third seed while none exist yet).</summary>
    SeedAndGenerated = 0,

    /// <summary>What the reference code does: two drawn without replacement from seed ∪ generated, plus one from the seed (it may repeat one of the two).</summary>
    ReferenceCode = 1,
}
