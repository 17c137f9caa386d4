using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary>Run progress as plain lines (for logs and redirected output): one line per step start, end, skip or failure, and quarter-way marks.</summary>
internal sealed class PlainRunView(TextWriter writer, TimeProvider time) : IProgress<RunProgress>
{
    private readonly Dictionary<string, int> _marks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Report(RunProgress value)
    {
        string? line = Line(value);
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time.GetLocalNow():HH:mm:ss} {line}"));
            writer.Flush();
        }
    }

    private string? Line(RunProgress value)
    {
        var step = value.Step;
        switch (step.Status)
        {
            case RunStepStatus.Done when value.Message == "up to date":
                return $"skip    {step.Id} (up to date)";
            case RunStepStatus.Done:
                return $"done    {step.Id}{Suffix(value.Message)}";
            case RunStepStatus.Failed:
                return $"FAILED  {step.Id}{Suffix(value.Message)}";
            case RunStepStatus.Blocked:
                return $"wait    {step.Id}{Suffix(value.Message)}";
            case RunStepStatus.Running when value.Completed is null && value.Message is null:
                return $"start   {step.Id}";
            case RunStepStatus.Running when value.Message is not null && value.Completed is null:
                return $"        {step.Id}: {value.Message}";
            case RunStepStatus.Running when value.Completed is int done && value.Total is int total && total > 0:
                int quarter = Math.Min(4, done * 4 / total);
                lock (_gate)
                {
                    if (quarter <= _marks.GetValueOrDefault(step.Id, done == 0 ? -1 : 0) || quarter == 0)
                    {
                        return null;
                    }

                    _marks[step.Id] = quarter;
                }

                return string.Create(CultureInfo.InvariantCulture, $"        {step.Id}: {done}/{total}");
            default:
                return null;
        }
    }

    private static string Suffix(string? message) => message is null ? string.Empty : ": " + message;
}
