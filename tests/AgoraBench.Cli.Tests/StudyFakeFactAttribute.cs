using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

/// <summary>A fact that needs <c>python3</c> and the loopback study tools of <c>../shared/tools</c>; skipped cleanly without them.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class StudyFakeFactAttribute : FactAttribute
{
    public StudyFakeFactAttribute()
    {
        if (RepositoryPaths.Python is null)
        {
            Skip = "python3 is not installed.";
        }
        else if (SharedData.Directory is null)
        {
            Skip = "../shared is not available (set AGORABENCH_SHARED_DIR to use another copy).";
        }
        else if (!SharedData.Exists("tools/study_fake.py") || !SharedData.Exists("tools/fake_train.py"))
        {
            Skip = "Missing shared tools: tools/study_fake.py, tools/fake_train.py";
        }
    }
}
