using Spectre.Console;

namespace AgoraBench.Cli.Commands;

/// <summary>Run progress on a terminal: a live Spectre.Console progress bar per running step, kept when it ends with ✓ or ✗.</summary>
internal sealed class SpectreRunView(ProgressContext context) : IProgress<RunProgress>
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ProgressTask? _skipped;
    private int _skippedCount;

    public void Report(RunProgress value)
    {
        var step = value.Step;
        lock (_gate)
        {
            if (step.Status == RunStepStatus.Done && value.Message == "up to date" || step.Status == RunStepStatus.Blocked)
            {
                _skipped ??= context.AddTask("[grey]up to date or waiting[/]", maxValue: 1);
                _skippedCount++;
                _skipped.Description = $"[grey]{_skippedCount} step(s) up to date or waiting[/]";
                _skipped.Value = 1;
                return;
            }

            if (!_tasks.TryGetValue(step.Id, out var task))
            {
                task = context.AddTask(Markup.Escape(step.Id), maxValue: 1);
                task.IsIndeterminate = true;
                _tasks[step.Id] = task;
            }

            if (value.Total is int total && total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
                task.Value = Math.Min(total, value.Completed ?? 0);
            }

            switch (step.Status)
            {
                case RunStepStatus.Done:
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.Description = $"[green]✓[/] {Markup.Escape(step.Id)}";
                    task.StopTask();
                    break;
                case RunStepStatus.Failed:
                    task.IsIndeterminate = false;
                    task.Description = $"[red]✗ {Markup.Escape(step.Id)}: {Markup.Escape(Shorten(value.Message))}[/]";
                    task.StopTask();
                    break;
                case RunStepStatus.Running when value.Message is { } message && value.Completed is null:
                    task.Description = $"{Markup.Escape(step.Id)} [grey]{Markup.Escape(Shorten(message))}[/]";
                    break;
            }
        }
    }

    private static string Shorten(string? text)
    {
        text = (text ?? string.Empty).ReplaceLineEndings(" ");
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}
