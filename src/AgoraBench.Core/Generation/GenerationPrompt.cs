namespace AgoraBench;

/// <summary>A filled meta-prompt and what was drawn into it.</summary>
/// <param name="Text">The user message.</param>
/// <param name="Theme">The theme drawn (instance generation), or <see langword="null"/>.</param>
/// <param name="FirstWord">The first-word trigger drawn (instruction-following instance generation), or <see langword="null"/>.</param>
/// <param name="Demonstrations">The demonstrations shown, in order.</param>
internal sealed record GenerationPrompt(string Text, string? Theme, string? FirstWord, IReadOnlyList<SyntheticInstance> Demonstrations);
