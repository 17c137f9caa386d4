namespace AgoraBench;

/// <summary>The stable names of the built-in intrinsic metrics.</summary>
internal static class IntrinsicMetricNames
{
    /// <summary>Instruction difficulty, graded 1–5 by an LLM judge.</summary>
    public const string InstructionDifficulty = "instruction-difficulty";

    /// <summary>Response quality, graded 1–5 by an LLM judge.</summary>
    public const string ResponseQuality = "response-quality";

    /// <summary>Perplexity of each response given its instruction under a language model.</summary>
    public const string ResponsePerplexity = "response-perplexity";

    /// <summary>Mean pairwise cosine distance of the instructions' embeddings.</summary>
    public const string InstructionDiversity = "instruction-diversity";

    /// <summary>Mean pairwise cosine distance of the responses' embeddings.</summary>
    public const string ResponseDiversity = "response-diversity";

    /// <summary>Response quality as a reward model's scalar score.</summary>
    internal const string RewardModelQuality = "reward-model-quality";

    /// <summary>Gets the five metrics of the <c>score</c> command.</summary>
    public static IReadOnlyList<string> All { get; } = [InstructionDifficulty, ResponseQuality, ResponsePerplexity, InstructionDiversity, ResponseDiversity];
}
