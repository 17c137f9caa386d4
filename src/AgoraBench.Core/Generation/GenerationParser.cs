using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Splits a generator's completion into an instruction and a response, as the reference parsers do (§2.2–2.4): text is
/// cut at the last trigger and the next end marker, then trimmed.
/// </summary>
internal static class GenerationParser
{
    /// <summary>The end-of-instance marker and stop sequence.</summary>
    public const string EndMarker = "[END]";

    /// <summary>Parses a completion.</summary>
    /// <param name="method">The method.</param>
    /// <param name="prompt">The filled prompt (response generation re-reads the instruction from it).</param>
    /// <param name="completion">The completion.</param>
    /// <param name="style">The prompt style (the JSON variant parses a JSON object).</param>
    /// <returns>The instruction and response, or a rejection.</returns>
    public static (string? Instruction, string? Response, GenerationRejection? Rejection) Parse(GenerationMethod method, string prompt, string completion, PromptStyle style = PromptStyle.Agora)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(completion);
        if (style == PromptStyle.Json)
        {
            return ParseJson(completion);
        }

        switch (method)
        {
            case GenerationMethod.InstanceGeneration:
            {
                // The prompt ends with "INPUT: ", so the completion starts with the instruction.
                int output = completion.LastIndexOf("OUTPUT:", StringComparison.Ordinal);
                if (output < 0)
                {
                    return (null, null, new GenerationRejection("parse-failed", "the completion has no OUTPUT:"));
                }

                string instruction = Before(AfterLast(completion, "INPUT:"), "OUTPUT:").Trim().ToString();
                string response = Before(completion.AsSpan(output + "OUTPUT:".Length), EndMarker).Trim().ToString();
                return (instruction, response, null);
            }

            case GenerationMethod.ResponseGeneration:
            {
                string instruction = Before(AfterLast(prompt, "INPUT:"), "OUTPUT:").Trim().ToString();
                string response = Before(AfterLast(completion, "OUTPUT:"), EndMarker).Trim().ToString();
                return (instruction, response, null);
            }

            default:
            {
                int answer = completion.LastIndexOf("Revised Answer:", StringComparison.Ordinal);
                if (answer < 0)
                {
                    return (null, null, new GenerationRejection("parse-failed", "the completion has no Revised Answer:"));
                }

                string instruction = Before(AfterLast(completion, "Revised Question:"), "Revised Answer:").Trim().ToString();
                string response = Before(completion.AsSpan(answer + "Revised Answer:".Length), EndMarker).Trim().ToString();
                return (instruction, response, null);
            }
        }
    }

    private static (string?, string?, GenerationRejection?) ParseJson(string completion)
    {
        try
        {
            using var document = JsonDocument.Parse(completion.Trim());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("instruction", out var i) && i.ValueKind == JsonValueKind.String
                && root.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.String)
            {
                return (i.GetString()!.Trim(), r.GetString()!.Trim(), null);
            }

            return (null, null, new GenerationRejection("parse-failed", "the JSON object lacks string \"instruction\" and \"response\""));
        }
        catch (JsonException ex)
        {
            return (null, null, new GenerationRejection("parse-failed", "the completion is not one JSON object: " + JsonErrorText.Describe(ex)));
        }
    }

    // Slices of the completion, so only the two trimmed results are copied into strings.
    private static ReadOnlySpan<char> AfterLast(string text, string marker)
    {
        int index = text.LastIndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? text : text.AsSpan(index + marker.Length);
    }

    private static ReadOnlySpan<char> Before(ReadOnlySpan<char> text, string marker)
    {
        int index = text.IndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? text : text[..index];
    }
}
