namespace AgoraBench;

/// <summary>The least length of a plan file's text, or the fewest items of its array (<c>minLength</c> or <c>minItems</c> in the schema).</summary>
/// <param name="length">The length or count.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class MinimumLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
