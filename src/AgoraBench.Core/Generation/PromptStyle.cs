namespace AgoraBench;

/// <summary>The meta-prompt family.</summary>
public enum PromptStyle
{
    /// <summary>The AGORABENCH meta-prompts (the paper's main results). Stable name: <c>agora</c>.</summary>
    Agora = 0,

    /// <summary>The JSON-format instance-generation variant of the paper's ablation (Table 5). Stable name: <c>json</c>.</summary>
    Json = 1,
}
