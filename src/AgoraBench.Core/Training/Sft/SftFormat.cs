namespace AgoraBench;

/// <summary>The supervised fine-tuning file formats <see cref="SftExporter"/> writes (all JSON Lines, one instance per line).</summary>
public enum SftFormat
{
    /// <summary>OpenAI chat fine-tuning: <c>{"messages": [system, user, assistant]}</c>. Stable name: <c>openai-chat</c>.</summary>
    OpenAIChat = 0,

    /// <summary>Hugging Face conversational: <c>{"messages": [user, assistant]}</c>, plus a system message when one is set. Stable name: <c>messages</c>.</summary>
    Messages = 1,

    /// <summary>TRL prompt/completion: <c>{"prompt": [user], "completion": [assistant]}</c>, so the loss falls on the response only. Stable name: <c>prompt-completion</c>.</summary>
    PromptCompletion = 2,

    /// <summary>
    /// The paper's Llama-3 chat template as text: <c>{"prompt": "&lt;|begin_of_text|&gt;…assistant header", "completion":
    /// "response&lt;|eot_id|&gt;", "text": prompt + completion}</c>. Stable name: <c>llama3</c>.
    /// </summary>
    Llama3 = 3,
}
