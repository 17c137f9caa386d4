namespace AgoraBench.OpenAI;

/// <summary>A batch state folder's <c>state.json</c>: what <c>agorabench batch</c> needs to reach the API again (the key's variable, never the key).</summary>
internal sealed record BatchStateDocument
{
    public required string Model { get; init; }

    /// <summary>The API's base URL without credentials, query or fragment.</summary>
    public string? Endpoint { get; init; }

    public string? ApiKeyEnv { get; init; }
}
