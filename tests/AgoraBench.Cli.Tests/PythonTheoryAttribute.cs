namespace AgoraBench.Cli.Tests;

/// <summary>A theory that needs <c>python3</c> and <c>../shared</c>; reported as skipped where either is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        if (RepositoryPaths.Python is null)
        {
            Skip = "python3 is not installed.";
        }
        else if (AgoraBench.Tests.TestSupport.SharedData.Directory is null)
        {
            Skip = "../shared is not available (set AGORABENCH_SHARED_DIR to use another copy).";
        }
    }
}
