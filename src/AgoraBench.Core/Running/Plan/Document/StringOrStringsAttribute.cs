namespace AgoraBench;

/// <summary>An option that is one non-empty string or an array of them.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class StringOrStringsAttribute : Attribute;
