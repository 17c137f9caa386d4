using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Format() => new Option<string>("--format")
    {
        Description = "Output format: md (Markdown tables), csv or json.",
        DefaultValueFactory = _ => "md",
        HelpName = "md|csv|json",
    }.AcceptOnlyFromAmong("md", "csv", "json");

    public static Option<string?> Out(string description) => new("--out")
    {
        Description = description,
        HelpName = "FILE",
    };

    public static PgrReportFormat ParseFormat(string text) => text switch
    {
        "csv" => PgrReportFormat.Csv,
        "json" => PgrReportFormat.Json,
        _ => PgrReportFormat.Markdown,
    };
}
