namespace AgoraBench;

/// <summary>
/// Reads and writes synthetic datasets in JSON Lines and in the reference JSON-array format.
/// </summary>
/// <remarks>
/// Reading never skips a record silently: every malformed line or field is reported in a
/// <see cref="DataValidationException"/> that names the file, the line and the field. Blank lines in JSON Lines files
/// carry no record and are ignored. Writing is atomic: the file is written beside the target and then moved over it,
/// so a crash never leaves a half-written dataset.
/// </remarks>
public static class SyntheticDataset
{
    /// <summary>Reads a dataset file (JSON Lines, a JSON array, or CSV with <c>instruction</c>/<c>response</c> columns).</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The instances, in file order.</returns>
    /// <exception cref="DataValidationException">The file is malformed; every problem found is listed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Task<IReadOnlyList<SyntheticInstance>> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, new SyntheticDatasetReadOptions(), cancellationToken);

    /// <summary>Reads a dataset file with the given read options.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Read options.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The instances, in file order.</returns>
    internal static async Task<IReadOnlyList<SyntheticInstance>> ReadAsync(
        string path,
        SyntheticDatasetReadOptions? options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, path, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a dataset from a stream.</summary>
    /// <param name="stream">The UTF-8 stream to read; it is not disposed.</param>
    /// <param name="sourceName">The name used in error messages, usually the file path.</param>
    /// <param name="options">Read options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The instances, in stream order.</returns>
    /// <exception cref="DataValidationException">The data is malformed; every problem found is listed.</exception>
    internal static Task<IReadOnlyList<SyntheticInstance>> ReadAsync(
        Stream stream,
        string sourceName,
        SyntheticDatasetReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return SyntheticDatasetReader.ReadAsync(stream, sourceName, options ?? new SyntheticDatasetReadOptions(), cancellationToken);
    }

    /// <summary>Writes a dataset file atomically.</summary>
    /// <param name="path">The file to write; its folder is created when missing.</param>
    /// <param name="instances">The instances to write.</param>
    /// <param name="format">The format; <see cref="SyntheticDatasetFormat.Auto"/> writes a JSON array for <c>.json</c> files and JSON Lines otherwise.</param>
    /// <param name="cancellationToken">A token that cancels the write; the target file is then left unchanged.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    internal static async Task WriteAsync(
        string path,
        IEnumerable<SyntheticInstance> instances,
        SyntheticDatasetFormat format = SyntheticDatasetFormat.Auto,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(instances);
        if (format == SyntheticDatasetFormat.Auto)
        {
            format = string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase)
                ? SyntheticDatasetFormat.JsonArray
                : SyntheticDatasetFormat.JsonLines;
        }

        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await WriteAsync(stream, instances, format, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes a dataset to a stream as UTF-8 without a byte-order mark.</summary>
    /// <param name="stream">The stream to write to; it is not disposed.</param>
    /// <param name="instances">The instances to write.</param>
    /// <param name="format">The format: <see cref="SyntheticDatasetFormat.JsonLines"/> or <see cref="SyntheticDatasetFormat.JsonArray"/>.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes when everything is written.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is <see cref="SyntheticDatasetFormat.Auto"/>.</exception>
    internal static Task WriteAsync(
        Stream stream,
        IEnumerable<SyntheticInstance> instances,
        SyntheticDatasetFormat format,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(instances);
        if (format is not (SyntheticDatasetFormat.JsonLines or SyntheticDatasetFormat.JsonArray))
        {
            throw new ArgumentException("Choose JsonLines or JsonArray when writing to a stream.", nameof(format));
        }

        return SyntheticDatasetWriter.WriteAsync(stream, instances, format, cancellationToken);
    }

    /// <summary>
    /// Reads seed data: instruction/response rows (JSON Lines, a JSON array, or CSV with a header when the file ends in
    /// <c>.csv</c>), or GSM8K-style question/answer rows, told apart by the first records' field names (a CSV file's
    /// header). Rows without a response are read with an empty one: response generation needs only instructions
    /// (instance generation and quality enhancement check for responses themselves).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The seed instances, in file order.</returns>
    /// <exception cref="DataValidationException">The file is malformed; every problem is listed with its line.</exception>
    public static async Task<IReadOnlyList<SyntheticInstance>> ReadSeedsAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var errors = new List<DataError>();
        var seeds = ReadSeeds(bytes, path, errors);
        return errors.Count > 0 ? throw new DataValidationException(errors) : seeds;
    }

    /// <summary>Reads seed data from a file's bytes, collecting every problem instead of throwing (plan validation uses it).</summary>
    internal static IReadOnlyList<SyntheticInstance> ReadSeeds(byte[] bytes, string path, List<DataError> errors, List<int>? lines = null)
    {
        if (CsvRecords.IsCsv(path))
        {
            var rows = CsvRecords.Read(bytes, path, errors, out var header);
            var csvOptions = !header.Contains("instruction") && header.Contains("question") ? SyntheticDatasetReadOptions.QuestionAnswer : new SyntheticDatasetReadOptions();
            csvOptions.AllowMissingResponse = true;
            if (header.Count > 0 && !header.Contains(csvOptions.InstructionField))
            {
                errors.Add(new DataError(path, 1, csvOptions.InstructionField, $"the header has no column '{csvOptions.InstructionField}'; seed columns are instruction and response (or question and answer); it has {string.Join(", ", header)}"));
                return [];
            }

            return SyntheticDatasetReader.Read(rows, path, csvOptions, errors, lines);
        }

        string start = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var options = !start.Contains("\"instruction\"", StringComparison.Ordinal) && start.Contains("\"question\"", StringComparison.Ordinal)
            ? SyntheticDatasetReadOptions.QuestionAnswer
            : new SyntheticDatasetReadOptions();
        options.AllowMissingResponse = true;
        return SyntheticDatasetReader.Read(bytes, path, options, errors, lines);
    }
}
