namespace AgoraBench.Cli.Tests;

/// <summary>A fact that needs <c>python3</c>; reported as skipped where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (RepositoryPaths.Python is null)
        {
            Skip = "python3 is not installed.";
        }
    }
}
