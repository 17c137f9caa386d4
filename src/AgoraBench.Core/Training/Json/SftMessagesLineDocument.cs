namespace AgoraBench;

/// <summary>An SFT line of the <c>openai-chat</c> and <c>messages</c> formats: <c>{"messages": [...]}</c>.</summary>
internal sealed record SftMessagesLineDocument(IReadOnlyList<SftMessageDocument> Messages);
