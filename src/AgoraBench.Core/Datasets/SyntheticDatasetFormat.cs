namespace AgoraBench;

/// <summary>The file formats of synthetic datasets.</summary>
internal enum SyntheticDatasetFormat
{
    /// <summary>When reading, detect the format from the first non-blank character (<c>[</c> means a JSON array); when writing, choose by file extension (<c>.json</c> means a JSON array).</summary>
    Auto = 0,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines = 1,

    /// <summary>The reference format: one JSON array of objects with <c>instruction</c>, <c>response</c>, <c>config</c> and optional <c>idx</c>.</summary>
    JsonArray = 2,
}
