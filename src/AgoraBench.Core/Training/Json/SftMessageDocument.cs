namespace AgoraBench;

/// <summary>One chat message of an SFT line: <c>{"role", "content"}</c>.</summary>
internal sealed record SftMessageDocument(string Role, string Content);
