namespace AgoraBench;

/// <summary>One judged game: answers of <paramref name="ModelA"/> (in position A) and <paramref name="ModelB"/> (position B) to one question.</summary>
/// <param name="Question">The question's id.</param>
/// <param name="ModelA">The model whose answer was shown first.</param>
/// <param name="ModelB">The model whose answer was shown second.</param>
/// <param name="Verdict">The judge's verdict.</param>
internal sealed record PairwiseJudgment(string Question, string ModelA, string ModelB, PairwiseVerdict Verdict);
