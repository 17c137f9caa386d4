namespace AgoraBench;

/// <summary>
/// The per-item loop the model-backed metrics share: runs a body for each item with bounded concurrency, collects
/// diagnostics under one lock, and turns an item's exception into a <c>request-failed</c> diagnostic (cancellation of
/// the whole run still propagates).
/// </summary>
internal sealed class MetricItemLoop
{
    private readonly object _gate = new();

    public List<MetricDiagnostic> Diagnostics { get; } = [];

    public long Requests;

    public void Add(int? index, string code, string message)
    {
        lock (_gate)
        {
            Diagnostics.Add(new MetricDiagnostic(index, code, message));
        }
    }

    public void AddRange(IEnumerable<MetricDiagnostic> diagnostics)
    {
        lock (_gate)
        {
            Diagnostics.AddRange(diagnostics);
        }
    }

    public void Locked(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    /// <summary>Runs <paramref name="body"/> for items 0..count−1 whose <paramref name="skip"/> returns no reason, at most <paramref name="concurrency"/> at a time.</summary>
    public async Task RunAsync(int count, int concurrency, Func<int, (string Code, string Message)?> skip, Func<int, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        using var throttle = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            if (skip(i) is var (code, message))
            {
                Add(i, code, message);
                return;
            }

            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await body(i, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref Requests);
                Add(i, "request-failed", $"{ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                throttle.Release();
            }
        })).ConfigureAwait(false);
        // A stable order: by item, and within an item in the order the failures happened.
        var ordered = Diagnostics.OrderBy(d => d.Index ?? -1).ToList();
        Diagnostics.Clear();
        Diagnostics.AddRange(ordered);
    }
}
