namespace AgoraBench;

/// <summary>
/// Reads the CSV tables of a PGR computation: benchmark scores (<c>generator,method,domain,benchmark,student,base,reference</c>),
/// optionally with per-problem outcomes (<c>generator,method,domain,benchmark,item,student,base,reference</c> and
/// optionally <c>repeat,student_weight,base_weight,reference_weight</c>; the PGR step writes it as <c>pgr/items.csv</c>),
/// and the generator costs of a budget decision (<c>generator,usd[,instances]</c>). Columns in any order, other columns
/// ignored; every problem is reported at once in one <see cref="DataValidationException"/> naming file, line and column.
/// </summary>
public static class PgrTables
{
    /// <summary>Reads a score table and, when given, attaches per-problem outcomes (which give each PGR a bootstrap interval).</summary>
    /// <param name="scoresPath">The score CSV file.</param>
    /// <param name="itemsPath">The per-problem outcome CSV file, or <see langword="null"/>; a row that matches no score is an error naming its line.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The scores, in file order, ready for <see cref="IPgrCalculator.Calculate"/>.</returns>
    /// <exception cref="DataValidationException">A file is malformed; every problem is listed.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static async Task<IReadOnlyList<BenchmarkScore>> ReadScoresAsync(string scoresPath, string? itemsPath = null, CancellationToken cancellationToken = default)
    {
        var scores = await BenchmarkScoreCsv.ReadAsync(scoresPath, cancellationToken).ConfigureAwait(false);
        return itemsPath is null ? scores : await PgrItemCsv.AttachAsync(scores, itemsPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads what each generator's data costs, the candidates of <see cref="BudgetDecision.Decide"/>.</summary>
    /// <param name="path">The cost CSV file (<c>generator,usd</c> and optionally <c>instances</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The candidates, in file order.</returns>
    /// <exception cref="DataValidationException">The file is malformed; every problem is listed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Task<IReadOnlyList<BudgetCandidate>> ReadBudgetCandidatesAsync(string path, CancellationToken cancellationToken = default) =>
        BudgetCandidateCsv.ReadAsync(path, cancellationToken);
}
