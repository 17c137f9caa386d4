namespace AgoraBench;

/// <summary>An array of a plan file whose items must differ (<c>uniqueItems</c> in the schema).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class UniqueItemsAttribute : Attribute;
