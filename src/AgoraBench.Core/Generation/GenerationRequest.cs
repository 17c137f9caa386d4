namespace AgoraBench;

/// <summary>One generation call.</summary>
/// <param name="Method">The generation method.</param>
/// <param name="Domain">The domain.</param>
/// <param name="Prompt">The filled meta-prompt (the user message).</param>
/// <param name="Style">The prompt style, which selects the parser.</param>
public sealed record GenerationRequest(GenerationMethod Method, BenchmarkDomain Domain, string Prompt, PromptStyle Style = PromptStyle.Agora);
