using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>The default <see cref="IDataGenerator"/>: a system and a user message to any <see cref="IChatClient"/>, then <see cref="GenerationParser"/> and <see cref="GenerationValidator"/>.</summary>
public sealed class ChatDataGenerator : IDataGenerator
{
    private readonly IChatClient _client;
    private readonly ChatDataGeneratorOptions _options;

    /// <summary>Initializes a new instance of the <see cref="ChatDataGenerator"/> class.</summary>
    /// <param name="client">The generator's chat client. Disable the client's own retries: the engine owns them.</param>
    /// <param name="options">The options, or <see langword="null"/> for the paper's defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    public ChatDataGenerator(IChatClient client, ChatDataGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new ChatDataGeneratorOptions();
        var errors = _options.Validate();
        OptionErrors.ThrowIfAny(errors, "generator options", nameof(options));

        _client = client;
    }

    /// <inheritdoc/>
    public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chatOptions = new ChatOptions
        {
            ModelId = _options.ModelId,
            Temperature = _options.Temperature,
            TopP = _options.TopP,
            MaxOutputTokens = _options.MaxOutputTokens,
            StopSequences = [.. _options.StopSequences],
        };
        ChatMessage[] messages = [new(ChatRole.System, _options.SystemMessage), new(ChatRole.User, request.Prompt)];
        var response = await _client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);

        string text = response.Text ?? string.Empty;
        string? finish = response.FinishReason?.Value;
        long input = response.Usage?.InputTokenCount ?? 0;
        long output = response.Usage?.OutputTokenCount ?? 0;

        var rejection = GenerationValidator.CheckFinished(finish, text);
        if (rejection is not null)
        {
            return new GenerationOutcome(null, null, rejection, text, finish, input, output);
        }

        var (instruction, parsedResponse, parseRejection) = GenerationParser.Parse(request.Method, request.Prompt, text, request.Style);
        rejection = parseRejection ?? GenerationValidator.Validate(request.Method, _options.ValidatorDomain ?? request.Domain, instruction ?? string.Empty, parsedResponse ?? string.Empty, _options.SkipLengthCheck ? null : _options.TokenCounter ?? LazyDefaultTokenCounter.Instance, _options.MaxOutputTokens);
        return rejection is null
            ? new GenerationOutcome(instruction, parsedResponse, null, text, finish, input, output)
            : new GenerationOutcome(null, null, rejection, text, finish, input, output);
    }
}
