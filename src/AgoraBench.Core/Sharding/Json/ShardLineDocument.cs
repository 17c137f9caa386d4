using System.Text.Json;

namespace AgoraBench;

/// <summary>What a shard merge reads of a JSON Lines row: its <c>id</c> (a string or a number). The row itself is an open record (a dataset instance, a prediction) and is copied as it is.</summary>
internal sealed record ShardLineDocument
{
    public JsonElement? Id { get; init; }
}
