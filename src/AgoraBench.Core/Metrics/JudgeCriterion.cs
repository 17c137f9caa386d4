namespace AgoraBench;

/// <summary>What an LLM judge grades.</summary>
public enum JudgeCriterion
{
    /// <summary>The difficulty of the instruction (graded with a fixed task text in the instruction slot and the instruction in the response slot).</summary>
    InstructionDifficulty = 0,

    /// <summary>The quality of the response to its instruction.</summary>
    ResponseQuality = 1,
}
