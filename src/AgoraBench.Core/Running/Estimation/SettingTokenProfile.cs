namespace AgoraBench;

/// <summary>Token lengths measured on a setting's seed data with one encoding: what one generation request and one instance cost.</summary>
/// <param name="Setting">The setting.</param>
/// <param name="Tokenizer">The encoding.</param>
/// <param name="Sampled">How many seeds (and up to 100 real prompts) were tokenized.</param>
/// <param name="PromptTokens">Mean input tokens of one generation request (system message, filled meta-prompt, chat overhead).</param>
/// <param name="InstructionTokens">Mean tokens of an instance's instruction.</param>
/// <param name="ResponseTokens">Mean tokens of an instance's response.</param>
/// <param name="OutputTokens">Mean output tokens of one generation request.</param>
/// <param name="OutputTokensMargin">Half the width of the 95% confidence interval of <paramref name="OutputTokens"/> (sampling error).</param>
internal sealed record SettingTokenProfile(AgoraBenchSetting Setting, string Tokenizer, int Sampled, double PromptTokens, double InstructionTokens, double ResponseTokens, double OutputTokens, double OutputTokensMargin);
