namespace AgoraBench;

/// <summary>An SFT line of the <c>prompt-completion</c> format (TRL's conversational prompt-completion): <c>{"prompt": [...], "completion": [...]}</c>.</summary>
internal sealed record SftPromptCompletionLineDocument(IReadOnlyList<SftMessageDocument> Prompt, IReadOnlyList<SftMessageDocument> Completion);
