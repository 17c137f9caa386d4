namespace AgoraBench;

/// <summary>The JSON field names of <see cref="SyntheticInstance"/>.</summary>
internal static class SyntheticDatasetFields
{
    public const string Id = "id";
    public const string Instruction = "instruction";
    public const string Response = "response";
    public const string Config = "config";
    public const string Index = "idx";
    public const string Method = "method";
    public const string Domain = "domain";
    public const string Generator = "generator";
}
