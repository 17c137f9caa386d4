namespace AgoraBench.Tests.TestSupport;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (unlike <see cref="Progress{T}"/>), so tests see every report before the call returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
