namespace AgoraBench;

/// <summary>The pattern every key of a map in a plan file must match (<c>propertyNames</c> in the schema).</summary>
/// <param name="pattern">The regular expression.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false)]
internal sealed class KeyPatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}
