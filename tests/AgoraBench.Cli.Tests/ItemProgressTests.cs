using AgoraBench.Cli.Commands;

namespace AgoraBench.Cli.Tests;

/// <summary>Progress in logs: plain timestamped lines with count, rate, elapsed time, ETA and failures, on a controlled clock.</summary>
public sealed class ItemProgressTests
{
    [Fact]
    public async Task PlainLines_ShowRateElapsedEtaAndFailures_AtEachTenth()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        int result = await ItemProgress.RunAsync(error, "generate gen instance-generation/math", 40, progress =>
        {
            for (int done = 1; done <= 40; done++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(250));
                progress.Update(done, failed: done / 20, note: "rejected 0");
            }

            return Task.FromResult(7);
        }, clock);

        Assert.Equal(7, result);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length); // every tenth (the last one is also the final state)
        Assert.Contains("generate gen instance-generation/math 4/40 (10%), 4.0/s, elapsed 00:00:01, ETA 00:00:09, failed 0; rejected 0", lines[0], StringComparison.Ordinal);
        Assert.Contains("20/40 (50%), 4.0/s, elapsed 00:00:05, ETA 00:00:05, failed 1", lines[4], StringComparison.Ordinal);
        Assert.Contains("40/40 (100%), 4.0/s, elapsed 00:00:10, ETA 00:00:00, failed 2", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutATotal_ALineComesEvery30Seconds()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        await ItemProgress.RunAsync(error, "work", null, progress =>
        {
            for (int done = 1; done <= 70; done++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                progress.Update(done);
            }

            return Task.FromResult(0);
        }, clock);

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // at 30 s, at 60 s, and the final line
        Assert.Contains("work 30, 1.0/s, elapsed 00:00:30, failed 0", lines[0], StringComparison.Ordinal);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(_ticks);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
