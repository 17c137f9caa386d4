namespace AgoraBench;

/// <summary>
/// The Llama-3 chat template the paper trains with: a system header, the user's instruction, then the assistant
/// header; the training target is the response followed by <c>&lt;|eot_id|&gt;</c>.
/// </summary>
internal static class Llama3ChatTemplate
{
    /// <summary>The beginning-of-text token.</summary>
    public const string BeginOfText = "<|begin_of_text|>";

    /// <summary>Opens a role header.</summary>
    public const string StartHeader = "<|start_header_id|>";

    /// <summary>Closes a role header.</summary>
    public const string EndHeader = "<|end_header_id|>";

    /// <summary>Ends a turn (token id 128009, the end-of-sequence token of the instruct models).</summary>
    public const string EndOfTurn = "<|eot_id|>";

    /// <summary>Formats the prompt part: everything up to and including the assistant header (the tokens whose labels are masked).</summary>
    /// <param name="systemPrompt">The system prompt.</param>
    /// <param name="instruction">The instruction.</param>
    /// <returns>The prompt text.</returns>
    public static string Prompt(string systemPrompt, string instruction)
    {
        ArgumentNullException.ThrowIfNull(systemPrompt);
        ArgumentNullException.ThrowIfNull(instruction);
        return BeginOfText
            + Header("system") + systemPrompt + EndOfTurn
            + Header("user") + instruction + EndOfTurn
            + Header("assistant");
    }

    /// <summary>Formats the completion part: the response and the end-of-turn token (the tokens the loss falls on).</summary>
    /// <param name="response">The response.</param>
    /// <returns>The completion text.</returns>
    public static string Completion(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response + EndOfTurn;
    }

    private static string Header(string role) => StartHeader + role + EndHeader + "\n\n";
}
