namespace AgoraBench;

/// <summary>Options of <see cref="CommandStudentTrainer"/>.</summary>
public sealed class CommandStudentTrainerOptions
{
    /// <summary>The placeholders a command template may use.</summary>
    internal static IReadOnlyList<string> Placeholders { get; } =
        ["data", "output_dir", "base_model", "epochs", "learning_rate", "batch_size", "gradient_accumulation", "max_seq_length", "seed", "run_name", "format", "work_dir"];

    /// <summary>
    /// Gets or sets the shell command that trains, with placeholders in braces: <c>{data}</c> (the exported training
    /// file) and <c>{output_dir}</c> are required; <c>{base_model}</c>, <c>{epochs}</c>, <c>{learning_rate}</c>,
    /// <c>{batch_size}</c>, <c>{gradient_accumulation}</c>, <c>{max_seq_length}</c>, <c>{seed}</c>, <c>{run_name}</c>,
    /// <c>{format}</c> and <c>{work_dir}</c> are optional. Values are shell-quoted. The command must write
    /// <c>{output_dir}/result.json</c> (see <see cref="TrainedStudentFile"/>).
    /// </summary>
    /// <example><c>accelerate launch samples/training/train_sft.py --data {data} --output-dir {output_dir} --model {base_model} --epochs {epochs}</c></example>
    public string CommandTemplate { get; set; } = string.Empty;

    /// <summary>Gets or sets the format the data is exported in.</summary>
    /// <value>The default value is <see cref="SftFormat.PromptCompletion"/> (TRL computes the loss on the completion only).</value>
    public SftFormat Format { get; set; } = SftFormat.PromptCompletion;

    /// <summary>Gets or sets how long the command may run, or <see langword="null"/> for no limit.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Gets or sets the folder the command runs in (a study runs it from its plan's folder, so <c>bash train.sh …</c>
    /// finds the script), or <see langword="null"/> for the request's working directory. The data and output paths
    /// given to the command are absolute either way.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    internal string? WorkingDirectory { get; set; }

    /// <summary>Gets or sets extra environment variables for the command.</summary>
    internal IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets how many of the last output lines an error message quotes.</summary>
    /// <value>The default value is 20.</value>
    internal int ErrorTailLines { get; set; } = 20;

    /// <summary>Lists every problem with the options.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(CommandTemplate))
        {
            errors.Add("CommandTemplate must be set.");
        }
        else
        {
            var used = CommandTemplateRenderer.PlaceholdersIn(CommandTemplate);
            var unknown = used.Where(p => !Placeholders.Contains(p)).ToArray();
            if (unknown.Length > 0)
            {
                errors.Add($"CommandTemplate uses unknown placeholder(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))}; known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.");
            }

            foreach (string required in new[] { "data", "output_dir" })
            {
                if (!used.Contains(required))
                {
                    errors.Add($"CommandTemplate must use {{{required}}}.");
                }
            }
        }

        if (Timeout is TimeSpan t && t <= TimeSpan.Zero)
        {
            errors.Add($"Timeout must be positive; it is {t}.");
        }

        if (!Enum.IsDefined(Format))
        {
            errors.Add($"Format has the undefined value {(int)Format}.");
        }

        if (ErrorTailLines < 0)
        {
            errors.Add("ErrorTailLines must not be negative.");
        }

        return errors;
    }
}
