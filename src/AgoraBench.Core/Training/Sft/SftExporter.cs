using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Exports instruction/response data for supervised fine-tuning in the formats of OpenAI, Hugging Face, TRL and the
/// paper's Llama-3 template, validating every instance first.
/// </summary>
/// <remarks>
/// Instances are written in order, seed instances (if any) first, one per line. Validation reports every problem at
/// once (an empty instruction or response, a system prompt an OpenAI file needs, too few examples) in a
/// <see cref="DataValidationException"/>, before anything is written.
/// </remarks>
public static class SftExporter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Gets the stable name of a format: <c>openai-chat</c>, <c>messages</c>, <c>prompt-completion</c> or <c>llama3</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The name.</returns>
    public static string ToName(SftFormat format) => format switch
    {
        SftFormat.OpenAIChat => "openai-chat",
        SftFormat.Messages => "messages",
        SftFormat.PromptCompletion => "prompt-completion",
        SftFormat.Llama3 => "llama3",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    /// <summary>Parses a format name (see <see cref="ToName"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="format">The format.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a format.</returns>
    public static bool TryParseFormat(string? text, out SftFormat format)
    {
        foreach (var candidate in Enum.GetValues<SftFormat>())
        {
            if (string.Equals(ToName(candidate), AgoraBenchNames.Normalize(text), StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>Checks instances for export without writing anything.</summary>
    /// <param name="instances">The generated instances.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The problems found (empty when the data can be exported), each naming the instance.</returns>
    internal static IReadOnlyList<DataError> Validate(IReadOnlyList<SyntheticInstance> instances, SftFormat format, SftExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instances);
        options = SftExportOptionsValidator.Instance.ThrowIfInvalid(options ?? new SftExportOptions(), nameof(options));
        var errors = new List<DataError>();
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format.");
        }

        if (format is SftFormat.OpenAIChat or SftFormat.Llama3 && string.IsNullOrWhiteSpace(options.SystemPrompt))
        {
            errors.Add(new DataError(null, null, "system", $"the {ToName(format)} format needs a system prompt"));
        }

        int position = 0;
        foreach (var (instance, source) in All(instances, options))
        {
            position++;
            if (!options.RejectEmpty)
            {
                continue;
            }

            string where = $"{source} instance #{position}{(instance.Id is null ? string.Empty : $" (id {instance.Id})")}";
            if (string.IsNullOrWhiteSpace(instance.Instruction))
            {
                errors.Add(new DataError(null, null, "instruction", $"{where}: the instruction is empty"));
            }

            if (string.IsNullOrWhiteSpace(instance.Response))
            {
                errors.Add(new DataError(null, null, "response", $"{where}: the response is empty"));
            }
        }

        int count = Count(instances, options);
        if (count < options.MinimumExamples)
        {
            errors.Add(new DataError(null, null, null, $"there are {count} examples; at least {options.MinimumExamples} are required"));
        }

        return errors;
    }

    /// <summary>Writes an SFT file atomically (to a temporary file beside the target, then moved over it).</summary>
    /// <param name="path">The JSON Lines file to write.</param>
    /// <param name="instances">The generated instances.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token that cancels the export.</param>
    /// <returns>The number of examples written (seed instances included; empty ones skipped when <see cref="SftExportOptions.RejectEmpty"/> is off).</returns>
    /// <exception cref="DataValidationException">The data cannot be exported; every problem is listed.</exception>
    public static async Task<int> WriteAsync(string path, IReadOnlyList<SyntheticInstance> instances, SftFormat format, SftExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options = SftExportOptionsValidator.Instance.ThrowIfInvalid(options ?? new SftExportOptions(), nameof(options));
        var errors = Validate(instances, format, options);
        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        int written = 0;
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new MemoryStream();
                using var json = new Utf8JsonWriter(buffer, WriterOptions);
                foreach (var (instance, _) in All(instances, options))
                {
                    if (string.IsNullOrWhiteSpace(instance.Instruction) || string.IsNullOrWhiteSpace(instance.Response))
                    {
                        continue;
                    }

                    WriteLine(json, instance, format, options);
                    json.Flush();
                    buffer.WriteByte((byte)'\n');
                    json.Reset(buffer);
                    written++;
                    if (buffer.Length > 1 << 16)
                    {
                        await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
                        buffer.SetLength(0);
                    }
                }

                await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Formats one instance as a line of the given format (without the newline).</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The JSON line.</returns>
    internal static string FormatLine(SyntheticInstance instance, SftFormat format, SftExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteLine(json, instance, format, SftExportOptionsValidator.Instance.ThrowIfInvalid(options ?? new SftExportOptions(), nameof(options)));
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteLine(Utf8JsonWriter json, SyntheticInstance instance, SftFormat format, SftExportOptions options)
    {
        var user = new SftMessageDocument("user", instance.Instruction);
        var assistant = new SftMessageDocument("assistant", instance.Response);
        SftMessageDocument[] system = string.IsNullOrEmpty(options.SystemPrompt) && format != SftFormat.OpenAIChat ? [] : [new("system", options.SystemPrompt)];
        switch (format)
        {
            case SftFormat.OpenAIChat or SftFormat.Messages:
                JsonSerializer.Serialize(json, new SftMessagesLineDocument([.. system, user, assistant]), TrainingJsonContext.Default.SftMessagesLineDocument);
                break;
            case SftFormat.PromptCompletion:
                JsonSerializer.Serialize(json, new SftPromptCompletionLineDocument([.. system, user], [assistant]), TrainingJsonContext.Default.SftPromptCompletionLineDocument);
                break;
            case SftFormat.Llama3:
                string prompt = Llama3ChatTemplate.Prompt(options.SystemPrompt, instance.Instruction);
                string completion = Llama3ChatTemplate.Completion(instance.Response);
                JsonSerializer.Serialize(json, new SftTextLineDocument(prompt, completion, prompt + completion), TrainingJsonContext.Default.SftTextLineDocument);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format.");
        }
    }

    private static IEnumerable<(SyntheticInstance Instance, string Source)> All(IReadOnlyList<SyntheticInstance> instances, SftExportOptions options) =>
        options.SeedInstances.Select(i => (i, "seed")).Concat(instances.Select(i => (i, "generated")));

    private static int Count(IReadOnlyList<SyntheticInstance> instances, SftExportOptions options) =>
        All(instances, options).Count(p => !options.RejectEmpty || (!string.IsNullOrWhiteSpace(p.Instance.Instruction) && !string.IsNullOrWhiteSpace(p.Instance.Response)));
}
