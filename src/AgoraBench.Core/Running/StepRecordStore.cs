namespace AgoraBench;

/// <summary>Reads and writes step records under <c>steps/</c>, one JSON file per step, each replaced atomically.</summary>
internal sealed class StepRecordStore(RunDirectory directory, SecretRedactor? redactor = null)
{
    public string PathOf(string id) => Path.Combine(directory.Steps, id.Replace(':', '.').Replace('/', '.') + ".json");

    /// <summary>The step's record, or <see langword="null"/> when it has none or only one cut short by a crash (as good as none: the step runs again).</summary>
    public StepRecord? Load(string id)
    {
        string path = PathOf(id);
        return File.Exists(path) ? StepRecord.Parse(File.ReadAllText(path)) : null;
    }

    public async Task WriteAsync(StepRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory.Steps);
        string text = ArtefactJson.Write(record.ToDocument(), RunJsonContext.Default.StepRecordDocument);
        await AtomicFile.WriteAllTextAsync(PathOf(record.Id), redactor?.Redact(text) ?? text, cancellationToken).ConfigureAwait(false);
    }
}
