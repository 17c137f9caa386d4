using System.Globalization;
using Spectre.Console;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// Progress of a command that works through items (generate, evaluate, score): on a terminal a Spectre.Console bar
/// with the count, rate, elapsed time, ETA and failures so far; otherwise (logs, CI) a plain timestamped line at every
/// tenth of the work and at most every 30 seconds in between. Nothing goes to standard output, so <c>--json</c> and
/// results stay clean.
/// </summary>
internal sealed class ItemProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(30);

    private readonly string _label;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Action<ItemProgress>? _draw;
    private readonly TextWriter? _plain;
    private readonly Lock _gate = new();
    private int _lastTenth;
    private int _lastDoneWritten = -1;
    private long _lastLine;

    private ItemProgress(string label, int? total, TimeProvider time, Action<ItemProgress>? draw, TextWriter? plain)
    {
        _label = label;
        Total = total;
        _time = time;
        _start = time.GetTimestamp();
        _lastLine = _start;
        _draw = draw;
        _plain = plain;
    }

    /// <summary>Gets the number of items to do, when known.</summary>
    public int? Total { get; private set; }

    /// <summary>Gets the items done so far.</summary>
    public int Done { get; private set; }

    /// <summary>Gets the items that failed so far.</summary>
    public int Failed { get; private set; }

    /// <summary>Gets a short note (rejections, retries), or <see langword="null"/>.</summary>
    public string? Note { get; private set; }

    /// <summary>Runs <paramref name="work"/> with progress on <paramref name="error"/>: a live bar on a terminal, plain lines otherwise.</summary>
    public static async Task<T> RunAsync<T>(TextWriter error, string label, int? total, Func<ItemProgress, Task<T>> work, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        if (!CliConsole.IsTerminal(error))
        {
            var plain = new ItemProgress(label, total, time, null, error);
            T result = await work(plain).ConfigureAwait(false);
            plain.WriteLine(final: true);
            return result;
        }

        var console = CliConsole.Create(error, interactive: true);
        T? value = default;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                var progress = new ItemProgress(label, total, time, p =>
                {
                    task.MaxValue = Math.Max(1, p.Total ?? 1);
                    task.IsIndeterminate = p.Total is null;
                    task.Value = Math.Min(task.MaxValue, p.Done);
                    task.Description = Markup.Escape(p.Describe(withTime: false));
                }, null);
                value = await work(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
                task.StopTask();
            }).ConfigureAwait(false);
        return value!;
    }

    /// <summary>Records the counts so far (absolute values, not increments) and redraws.</summary>
    public void Update(int done, int failed = 0, string? note = null, int? total = null)
    {
        lock (_gate)
        {
            Done = done;
            Failed = failed;
            Note = note;
            Total = total ?? Total;
            if (_draw is not null)
            {
                _draw(this);
            }
            else
            {
                WriteLine(final: false);
            }
        }
    }

    /// <summary>Items per second since the start.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>The time since the start.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>The estimated time left, when the total is known and some items are done.</summary>
    public TimeSpan? Remaining => Total is int total && Done > 0 && Rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - Done) / Rate) : null;

    /// <summary>The progress in words: <c>label 12/40 (30%), 3.2/s, elapsed 00:00:04, ETA 00:00:09, failed 1; note</c>.</summary>
    public string Describe(bool withTime = true)
    {
        var text = new System.Text.StringBuilder(_label).Append(' ');
        text.Append(Total is int total
            ? string.Create(CultureInfo.InvariantCulture, $"{Done}/{total} ({(total == 0 ? 100 : 100.0 * Done / total):F0}%)")
            : Done.ToString(CultureInfo.InvariantCulture));
        text.Append(string.Create(CultureInfo.InvariantCulture, $", {Rate:F1}/s"));
        if (withTime)
        {
            text.Append(", elapsed ").Append(Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
            if (Remaining is { } eta)
            {
                text.Append(", ETA ").Append(eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
            }
        }

        text.Append(", failed ").Append(Failed.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(Note))
        {
            text.Append("; ").Append(Note);
        }

        return text.ToString();
    }

    private void WriteLine(bool final)
    {
        if (_plain is null)
        {
            return;
        }

        long now = _time.GetTimestamp();
        int tenth = Total is int total && total > 0 ? Math.Min(10, Done * 10 / total) : -1;
        bool due = final ? Done != _lastDoneWritten : tenth > _lastTenth || _time.GetElapsedTime(_lastLine, now) >= PlainInterval;
        if (!due)
        {
            return;
        }

        _lastTenth = Math.Max(_lastTenth, tenth);
        _lastLine = now;
        _lastDoneWritten = Done;
        _plain.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_time.GetLocalNow():HH:mm:ss} {Describe()}"));
        _plain.Flush();
    }
}
