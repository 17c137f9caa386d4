using Spectre.Console;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// Tells whether a writer is an interactive terminal (then progress bars and tables are drawn with Spectre.Console) or
/// redirected (then plain lines are written, one event per line, nothing redrawn).
/// </summary>
internal static class CliConsole
{
    /// <summary>Gets a value indicating whether <paramref name="writer"/> is the process's standard error or output and that stream is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer)
    {
        if (Environment.GetEnvironmentVariable("TERM") is "dumb" || Environment.GetEnvironmentVariable("AGORABENCH_PLAIN") is "1" or "true")
        {
            return false;
        }

        return (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected)
            || (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);
    }

    /// <summary>Creates a Spectre console that writes to <paramref name="writer"/>.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool interactive) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
    });
}
