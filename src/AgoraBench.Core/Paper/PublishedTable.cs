namespace AgoraBench;

/// <summary>Rows of a table published in the AGORABENCH paper, with where they come from.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Source">The citation of the table, for example <c>Kim et al. (ACL 2025), arXiv:2412.03679v2, Table 2</c>.</param>
/// <param name="Notes">Caveats about the values: rounding, transcription, inferred labels.</param>
/// <param name="Rows">The rows, as printed (nothing recomputed).</param>
internal sealed record PublishedTable<T>(string Source, string Notes, IReadOnlyList<T> Rows);
