namespace AgoraBench.Tests.TestSupport;

/// <summary>
/// Locates the read-only reference material in <c>../shared</c> beside the checkout (or in the folder named by the
/// environment variable <c>AGORABENCH_SHARED_DIR</c>). Tests that need it use <see cref="SharedDataFactAttribute"/>
/// and are skipped cleanly when it is absent.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? Directory => Root.Value;

    public static string Path(string relative) =>
        System.IO.Path.Combine(Directory ?? throw new InvalidOperationException("shared/ is not available."), relative);

    public static bool Exists(string relative) => Directory is not null && System.IO.Path.Exists(Path(relative));

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("AGORABENCH_SHARED_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AgoraBench.Core.sln")))
            {
                string candidate = System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
