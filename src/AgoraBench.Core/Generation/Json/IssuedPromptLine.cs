namespace AgoraBench;

/// <summary>One line of <c>data.jsonl.issued.jsonl</c>: an instance-generation prompt recorded before it is sent.</summary>
internal sealed record IssuedPromptLine(string Item, int Number, int Attempt, string Prompt);
