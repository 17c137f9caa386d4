namespace AgoraBench;

/// <summary>An SFT line of the <c>llama3</c> format: the templated prompt, the completion and both together.</summary>
internal sealed record SftTextLineDocument(string Prompt, string Completion, string Text);
