using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>What a run folder remembers of one step: its fingerprint when it started, and its outputs' hashes when it finished.</summary>
internal sealed record StepRecord
{
    public const string Started = "started";
    public const string Done = "done";
    public const string Failed = "failed";

    public required string Id { get; init; }

    public required string Status { get; init; }

    public required string Fingerprint { get; init; }

    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? Message { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public JsonObject? Summary { get; init; }

    public JsonObject ToJson()
    {
        var outputs = new JsonObject();
        foreach (var (path, hash) in Outputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            outputs[path] = "sha256:" + hash;
        }

        var node = new JsonObject
        {
            ["id"] = Id,
            ["status"] = Status,
            ["fingerprint"] = Fingerprint,
            ["outputs"] = outputs,
        };
        if (Message is not null)
        {
            node["message"] = Message;
        }

        if (StartedAt is { } started)
        {
            node["started"] = started.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (FinishedAt is { } finished)
        {
            node["finished"] = finished.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Summary is not null)
        {
            node["summary"] = Summary.DeepClone();
        }

        return node;
    }

    public static StepRecord? FromJson(JsonNode? node)
    {
        if (node is not JsonObject o || o["id"]?.GetValue<string>() is not { } id || o["status"]?.GetValue<string>() is not { } status || o["fingerprint"]?.GetValue<string>() is not { } fingerprint)
        {
            return null;
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (o["outputs"] is JsonObject files)
        {
            foreach (var (path, hash) in files)
            {
                if (hash?.GetValue<string>() is { } text)
                {
                    outputs[path] = text.StartsWith("sha256:", StringComparison.Ordinal) ? text[7..] : text;
                }
            }
        }

        static DateTimeOffset? Time(JsonNode? value) =>
            value?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var time) ? time : null;

        return new StepRecord
        {
            Id = id,
            Status = status,
            Fingerprint = fingerprint,
            Outputs = outputs,
            Message = o["message"]?.GetValue<string>(),
            StartedAt = Time(o["started"]),
            FinishedAt = Time(o["finished"]),
            Summary = o["summary"] as JsonObject is { } summary ? (JsonObject)summary.DeepClone() : null,
        };
    }
}
