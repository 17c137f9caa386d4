namespace AgoraBench;

/// <summary>Options for reading synthetic datasets with <see cref="SyntheticDataset"/>.</summary>
internal sealed class SyntheticDatasetReadOptions
{
    /// <summary>Gets or sets the file format.</summary>
    /// <value>The default value is <see cref="SyntheticDatasetFormat.Auto"/>.</value>
    internal SyntheticDatasetFormat Format { get; set; } = SyntheticDatasetFormat.Auto;

    /// <summary>Gets or sets the name of the field that holds the instruction.</summary>
    /// <value>The default value is <c>instruction</c>. Use <c>question</c> for GSM8K-style files.</value>
    internal string InstructionField { get; set; } = "instruction";

    /// <summary>Gets or sets the name of the field that holds the response.</summary>
    /// <value>The default value is <c>response</c>. Use <c>answer</c> for GSM8K-style files.</value>
    internal string ResponseField { get; set; } = "response";

    /// <summary>
    /// Gets or sets a value indicating whether a record without a response field is read with an empty response
    /// (useful for instruction-only seed files) instead of being reported as an error.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    internal bool AllowMissingResponse { get; set; }

    /// <summary>Gets or sets the number of problems after which reading stops; all problems found so far are reported.</summary>
    /// <value>The default value is 100.</value>
    internal int MaxErrors { get; set; } = 100;

    /// <summary>Gets the GSM8K-style mapping: <c>question</c> → instruction, <c>answer</c> → response.</summary>
    internal static SyntheticDatasetReadOptions QuestionAnswer => new() { InstructionField = "question", ResponseField = "answer" };
}
