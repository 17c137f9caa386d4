namespace AgoraBench;

/// <summary>
/// The two inputs of AlpacaEval 2.0's <c>length_controlled_v1</c> besides the model's games: one difficulty per
/// instruction (AlpacaEval's <c>instruction_difficulty.csv</c>) and the gamed-baseline rows (its <c>df_gamed.csv</c>).
/// They are not shipped with the package (AlpacaEval's data is licensed CC BY-NC 4.0); load them from files.
/// </summary>
internal sealed class LengthControlInputs
{
    private readonly double[] _difficulty;
    private readonly GamedRow[] _gamed;

    private LengthControlInputs(double[] difficulty, GamedRow[] gamed)
    {
        _difficulty = difficulty;
        _gamed = gamed;
    }

    /// <summary>Gets the number of instructions with a difficulty.</summary>
    internal int Instructions => _difficulty.Length;

    /// <summary>Gets the number of gamed-baseline rows.</summary>
    internal int GamedRows => _gamed.Length;

    /// <summary>The gamed-baseline rows: target y in [0, 1], tanh feature input and difficulty.</summary>
    internal IReadOnlyList<GamedRow> Gamed => _gamed;

    /// <summary>Reads the two files; every problem in either is reported at once, with file, line and column.</summary>
    /// <param name="instructionDifficultyPath">CSV with header <c>index,instruction_difficulty</c>; indexes 0 … n−1, each once.</param>
    /// <param name="gamedBaselinesPath">CSV with header <c>model,preference,index,std_delta_len,instruction_difficulty,not_gamed_baseline</c>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="DataValidationException">A file is missing or malformed.</exception>
    public static async Task<LengthControlInputs> LoadAsync(string instructionDifficultyPath, string gamedBaselinesPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instructionDifficultyPath);
        ArgumentNullException.ThrowIfNull(gamedBaselinesPath);
        var errors = new List<DataError>();
        var difficulty = await ReadAsync(instructionDifficultyPath, ["index", "instruction_difficulty"], row => new DifficultyRow(row.Line, row.Count("index"), row.Number("instruction_difficulty")), errors, cancellationToken).ConfigureAwait(false);
        var gamed = await ReadAsync(
            gamedBaselinesPath,
            ["model", "preference", "index", "std_delta_len", "instruction_difficulty"],
            row =>
            {
                double preference = row.Number("preference");
                if (preference is < 0 or > 1)
                {
                    row.Error("preference", $"{preference} is outside [0, 1] (the gamed rows' preference is the gamed output's share of the game)");
                }

                return new GamedRow(preference, row.Number("std_delta_len"), row.Number("instruction_difficulty"));
            },
            errors,
            cancellationToken).ConfigureAwait(false);

        var values = new double[difficulty.Count];
        var seen = new bool[difficulty.Count];
        foreach (var row in difficulty)
        {
            if (row.Index >= difficulty.Count || seen[row.Index])
            {
                errors.Add(new DataError(instructionDifficultyPath, row.Line, "index", $"{row.Index} is {(row.Index >= difficulty.Count ? "out of range" : "repeated")}: the indexes must be 0 … {difficulty.Count - 1}, each once"));
                continue;
            }

            seen[row.Index] = true;
            values[row.Index] = row.Difficulty;
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        return new LengthControlInputs(values, [.. gamed]);
    }

    /// <summary>The difficulty of the instruction at a position.</summary>
    /// <param name="index">The game's 0-based position among the model's annotations.</param>
    /// <returns>γ.</returns>
    internal double Difficulty(int index) => _difficulty[index];

    private static async Task<List<T>> ReadAsync<T>(string path, string[] columns, Func<CsvTableReader.Row, T?> convert, List<DataError> errors, CancellationToken cancellationToken)
        where T : class
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new DataError(path, null, null, "cannot be read: " + ex.Message));
            return [];
        }

        var reader = new CsvTableReader(path, columns);
        try
        {
            using var textReader = new StringReader(text);
            var rows = reader.Read(textReader, convert);
            if (rows.Count == 0 && reader.Errors.Count == 0)
            {
                errors.Add(new DataError(path, null, null, "the file has a header but no rows"));
            }

            errors.AddRange(reader.Errors);
            return rows;
        }
        catch (DataValidationException ex)
        {
            errors.AddRange(ex.Errors);
            return [];
        }
    }

    /// <summary>One gamed-baseline row.</summary>
    /// <param name="Preference">The gamed output's share of the game, in [0, 1].</param>
    /// <param name="StdDeltaLen">The standardised length difference (baseline minus gamed output).</param>
    /// <param name="Difficulty">γ of the row's instruction.</param>
    internal sealed record GamedRow(double Preference, double StdDeltaLen, double Difficulty);

    private sealed record DifficultyRow(int Line, long Index, double Difficulty);
}
