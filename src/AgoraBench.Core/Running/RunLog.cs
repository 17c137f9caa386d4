using System.Globalization;
using System.Text;

namespace AgoraBench;

/// <summary><c>run.log</c>: one line per step event (time, step, event, note), secrets redacted, appended and flushed as it happens.</summary>
internal sealed class RunLog(string path, RunContext context) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task WriteAsync(RunStep step, string what, string? note)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"{context.Time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {step.Info.Id} {what}{(note is null ? string.Empty : ": " + context.Redactor.Redact(note.ReplaceLineEndings(" ")))}\n");
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(path, line, new UTF8Encoding(false), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
