using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AgoraBench.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when code under test starts waiting on it, and for how long: a
/// test waits for <see cref="NextTimerAsync"/> (no sleeping), checks the due time, then advances the clock.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Gets the due time of every timer created so far, in order.</summary>
    public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        DueTimes.Enqueue(dueTime);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (up to a generous bound, for loaded machines) until the next timer is created; returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            return await _created.Reader.ReadAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("nothing started waiting on the clock within two minutes");
            throw;
        }
    }
}
