namespace AgoraBench;

/// <summary>
/// The acceptance rules for generated instances (§2.1, §2.5 of the spec): the finish reason, placeholder leaks, the
/// math <c>[RESULT]</c> rules, the code fence and forbidden-phrase rules, and the Llama-3 length limit. Every rejection
/// has a reason code.
/// </summary>
internal static class GenerationValidator
{
    private static readonly string[] ForbiddenCodePhrases = ["example usage", "this function", "test the function", "test cases", "this implementation", "explanation", "this solution"];

    // The leak markers of each rule set, built once (the markers are lower-case ASCII).
    private static readonly string[] QualityEnhancementMarkers = BuildLeakMarkers(GenerationMethod.QualityEnhancement, BenchmarkDomain.Math);
    private static readonly string[] InstructionFollowingGenerationMarkers = BuildLeakMarkers(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing);
    private static readonly string[] OtherMarkers = BuildLeakMarkers(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);

    // The UTF-8 bytes of the length check's chat frame around the instruction and the response (all ASCII).
    private static readonly int LengthCheckFrameBytes = System.Text.Encoding.UTF8.GetByteCount(LengthCheckText(string.Empty, string.Empty));

    /// <summary>
    /// Whether a completion finished: accepted when the finish reason is a stop (<c>stop</c>, <c>stop_sequence</c>), and
    /// otherwise (for example <c>length</c>) only when the text ends with <c>[END]</c>.
    /// </summary>
    /// <param name="finishReason">The finish reason the endpoint reported, or <see langword="null"/>.</param>
    /// <param name="text">The completion.</param>
    /// <returns>A rejection, or <see langword="null"/> when it finished.</returns>
    public static GenerationRejection? CheckFinished(string? finishReason, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (finishReason is "stop" or "stop_sequence" or "end_turn" || text.TrimEnd().EndsWith(GenerationParser.EndMarker, StringComparison.Ordinal))
        {
            return null;
        }

        return new GenerationRejection("unfinished", $"the completion stopped with '{finishReason ?? "unknown"}' and does not end with [END]");
    }

    /// <summary>The placeholder strings (lower-cased) a response must not contain, for a method and domain.</summary>
    /// <param name="method">The method.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The strings.</returns>
    public static IReadOnlyList<string> LeakMarkers(GenerationMethod method, BenchmarkDomain domain) => LeakMarkerSet(method, domain);

    private static string[] LeakMarkerSet(GenerationMethod method, BenchmarkDomain domain) =>
        method == GenerationMethod.QualityEnhancement ? QualityEnhancementMarkers
        : method == GenerationMethod.InstanceGeneration && domain == BenchmarkDomain.InstructionFollowing ? InstructionFollowingGenerationMarkers
        : OtherMarkers;

    private static string[] BuildLeakMarkers(GenerationMethod method, BenchmarkDomain domain)
    {
        var markers = new List<string> { "<input@>", "<output@>", "<input>", "<output>", "[end]", "<input_theme>" };
        markers.AddRange(method == GenerationMethod.QualityEnhancement ? ["revised question:", "revised answer:"] : ["input:", "output:"]);
        if (method == GenerationMethod.InstanceGeneration && domain == BenchmarkDomain.InstructionFollowing)
        {
            markers.Add("<first_word>");
        }

        return [.. markers];
    }

    /// <summary>Validates a parsed instance.</summary>
    /// <param name="method">The method.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="instruction">The instruction.</param>
    /// <param name="response">The response.</param>
    /// <param name="tokenCounter">Counts Llama-3 tokens for the length check, or <see langword="null"/> to skip it. It is called only for texts of at least <paramref name="maxTokens"/> UTF-8 bytes (with the BOS), since no shorter text can exceed the limit.</param>
    /// <param name="maxTokens">The length limit (the paper: 4,096).</param>
    /// <returns>The first rule the instance breaks, or <see langword="null"/> when it is accepted.</returns>
    public static GenerationRejection? Validate(GenerationMethod method, BenchmarkDomain domain, string instruction, string response, ITokenCounter? tokenCounter = null, int maxTokens = 4096)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(response);
        if (string.IsNullOrWhiteSpace(instruction))
        {
            return new GenerationRejection("empty-instruction", "the instruction is empty");
        }

        if (string.IsNullOrWhiteSpace(response))
        {
            return new GenerationRejection("empty-response", "the response is empty");
        }

        if (FindLeak(LeakMarkerSet(method, domain), response) is { } leak)
        {
            return new GenerationRejection("placeholder-leak", $"the response contains the prompt marker '{leak}'");
        }

        if (domain == BenchmarkDomain.Math)
        {
            int open = Count(response, "[RESULT]");
            int close = Count(response, "[/RESULT]");
            if (open != 1 || close != 1)
            {
                return new GenerationRejection("math-result-count", $"the response has {open} [RESULT] and {close} [/RESULT]; exactly one of each is required");
            }

            if (!response.TrimEnd().EndsWith("[/RESULT]", StringComparison.Ordinal))
            {
                return new GenerationRejection("math-result-end", "the response must end with [/RESULT]");
            }
        }

        if (domain == BenchmarkDomain.Code)
        {
            int fences = Count(response, "```");
            if (fences % 2 != 0)
            {
                return new GenerationRejection("code-fence-count", $"the response has {fences} code fences; an even number is required");
            }

            string outside = OutsideFences(response).ToLowerInvariant();
            if (ForbiddenCodePhrases.FirstOrDefault(p => outside.Contains(p, StringComparison.Ordinal)) is { } phrase)
            {
                return new GenerationRejection("code-forbidden-phrase", $"outside the code the response says '{phrase}'");
            }

            string trimmed = response.Trim();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal))
            {
                return new GenerationRejection("code-fence-boundary", "the response must start and end with ```");
            }
        }

        if (tokenCounter is not null)
        {
            // A token covers at least one UTF-8 byte (see ITokenCounter), so a text with fewer bytes than the limit
            // fits without being tokenized; only texts that might not are counted. Most instances are far shorter.
            // The chat frame is ASCII and separates the two texts, so the bytes add up without building the string.
            long bytes = (long)LengthCheckFrameBytes + System.Text.Encoding.UTF8.GetByteCount(instruction) + System.Text.Encoding.UTF8.GetByteCount(response);
            if (bytes + 1 > maxTokens)
            {
                int tokens = tokenCounter.CountTokens(LengthCheckText(instruction, response)) + 1;
                if (tokens > maxTokens)
                {
                    return new GenerationRejection("too-long", $"the instance is {tokens} Llama-3 tokens; at most {maxTokens} are allowed");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The Llama-3 chat string the length check counts (system header with "You are a helpful assistant", the
    /// instruction, the assistant header, the response and <c>&lt;|eot_id|&gt;</c>); the tokenizer's own BOS comes on top.
    /// </summary>
    /// <param name="instruction">The instruction.</param>
    /// <param name="response">The response.</param>
    /// <returns>The text to count.</returns>
    public static string LengthCheckText(string instruction, string response) =>
        Llama3ChatTemplate.Prompt("You are a helpful assistant", instruction) + Llama3ChatTemplate.Completion(response);

    // The first marker the response contains, compared as the lower-cased response would be. For an ASCII response an
    // ordinal case-insensitive search is the same test (the markers are lower-case ASCII) without the lower-cased copy;
    // any other response is lower-cased as before, so non-ASCII case mappings keep their meaning.
    private static string? FindLeak(string[] markers, string response)
    {
        if (System.Text.Ascii.IsValid(response))
        {
            foreach (var marker in markers)
            {
                if (response.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return marker;
                }
            }

            return null;
        }

        string lower = response.ToLowerInvariant();
        foreach (var marker in markers)
        {
            if (lower.Contains(marker, StringComparison.Ordinal))
            {
                return marker;
            }
        }

        return null;
    }

    private static int Count(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string OutsideFences(string text)
    {
        var parts = text.Split("```");
        return string.Join("\n", parts.Where((_, i) => i % 2 == 0));
    }
}
