namespace AgoraBench;

/// <summary>
/// Marks a plan file's grader object: open by design (a host's kind brings its own options), it is described in the
/// schema by one branch per built-in kind (<see cref="GraderDocument.Kinds"/>) and one for the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class GraderOptionsAttribute : Attribute;
