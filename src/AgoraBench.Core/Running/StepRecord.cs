using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>What a run folder remembers of one step: its fingerprint when it started, and its outputs' hashes when it finished.</summary>
internal sealed record StepRecord
{
    public const string Started = "started";
    public const string Done = "done";
    public const string Failed = "failed";

    private const string HashPrefix = "sha256:";

    public required string Id { get; init; }

    public required string Status { get; init; }

    public required string Fingerprint { get; init; }

    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? Message { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Gets the step's own figures: an open object by design (each stage reports what it has).</summary>
    public JsonObject? Summary { get; init; }

    /// <summary>The record as its file holds it: outputs in ordinal order with their hash prefixed, times round-trip (<c>"O"</c>).</summary>
    public StepRecordDocument ToDocument() => new()
    {
        Id = Id,
        Status = Status,
        Fingerprint = Fingerprint,
        Outputs = new SortedDictionary<string, string>(Outputs.ToDictionary(p => p.Key, p => HashPrefix + p.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        Message = Message,
        Started = StartedAt?.ToString("O", CultureInfo.InvariantCulture),
        Finished = FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
        Summary = (JsonObject?)Summary?.DeepClone(),
    };

    /// <summary>The record a file holds, or <see langword="null"/> when it lacks its id, status or fingerprint.</summary>
    public static StepRecord? From(StepRecordDocument document)
    {
        if (document is not { Id: { } id, Status: { } status, Fingerprint: { } fingerprint })
        {
            return null;
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, hash) in document.Outputs ?? new Dictionary<string, string>())
        {
            if (hash is not null)
            {
                outputs[path] = hash.StartsWith(HashPrefix, StringComparison.Ordinal) ? hash[HashPrefix.Length..] : hash;
            }
        }

        return new StepRecord
        {
            Id = id,
            Status = status,
            Fingerprint = fingerprint,
            Outputs = outputs,
            Message = document.Message,
            StartedAt = Time(document.Started),
            FinishedAt = Time(document.Finished),
            Summary = document.Summary,
        };

        static DateTimeOffset? Time(string? text) =>
            text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
    }

    /// <summary>The record a step file's text holds, or <see langword="null"/> when the text is cut short, not a record or lacks a key field (a crash mid-write: the step runs again).</summary>
    public static StepRecord? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, RunJsonContext.Default.StepRecordDocument) is { } document ? From(document) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
