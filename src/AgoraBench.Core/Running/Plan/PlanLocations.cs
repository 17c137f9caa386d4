namespace AgoraBench;

/// <summary>Where each JSON path of a plan file is (its line), so errors found after parsing still name the line.</summary>
internal sealed class PlanLocations(string source, IReadOnlyDictionary<string, int> lines)
{
    public string Source { get; } = source;

    public DataError Error(string path, string message)
    {
        // A path that was not in the file (a missing property) reports the line of its nearest parent.
        for (string probe = path; ; probe = Parent(probe))
        {
            if (lines.TryGetValue(probe, out int line))
            {
                return new DataError(Source, line, path, message);
            }

            if (probe == "$")
            {
                return new DataError(Source, null, path, message);
            }
        }
    }

    internal static string Parent(string path)
    {
        int cut = path.EndsWith("']", StringComparison.Ordinal)
            ? path.LastIndexOf("['", StringComparison.Ordinal)
            : Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }
}
