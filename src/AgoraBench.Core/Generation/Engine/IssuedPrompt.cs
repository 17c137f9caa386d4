namespace AgoraBench;

/// <summary>An instance-generation prompt that was sent (or about to be) and never answered.</summary>
/// <param name="Item">The item number.</param>
/// <param name="Attempt">The attempt number (1-based).</param>
/// <param name="Prompt">The prompt, word for word.</param>
internal sealed record IssuedPrompt(int Item, int Attempt, string Prompt);
