using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>Reads and writes step records under <c>steps/</c>, one JSON file per step, each replaced atomically.</summary>
internal sealed class StepRecordStore(RunDirectory directory, SecretRedactor? redactor = null)
{
    public string PathOf(string id) => Path.Combine(directory.Steps, id.Replace(':', '.').Replace('/', '.') + ".json");

    public StepRecord? Load(string id)
    {
        string path = PathOf(id);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return StepRecord.FromJson(JsonNode.Parse(File.ReadAllText(path)));
        }
        catch (JsonException)
        {
            // A record cut short by a crash is as good as no record: the step runs again.
            return null;
        }
    }

    public async Task WriteAsync(StepRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory.Steps);
        string text = record.ToJson().ToJsonString(JsonReport.Indented) + "\n";
        await AtomicFile.WriteAllTextAsync(PathOf(record.Id), redactor?.Redact(text) ?? text, cancellationToken).ConfigureAwait(false);
    }
}
