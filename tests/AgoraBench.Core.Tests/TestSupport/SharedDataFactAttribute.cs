namespace AgoraBench.Tests.TestSupport;

/// <summary>A fact that runs only when the named files exist under <c>../shared</c>; otherwise it is reported as skipped.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] requiredPaths)
    {
        var missing = requiredPaths.Where(p => !SharedData.Exists(p)).ToArray();
        if (SharedData.Directory is null)
        {
            Skip = "../shared is not available (set AGORABENCH_SHARED_DIR to use another copy).";
        }
        else if (missing.Length > 0)
        {
            Skip = "Missing shared data: " + string.Join(", ", missing);
        }
    }
}
