using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// Source-generated JSON (trimming- and AOT-safe) for the report files: <c>pgr.json</c>, <c>results.json</c> and
/// budget decisions. Field names are snake_case; a value that is not finite is written as <c>null</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(PgrReportDocument))]
[JsonSerializable(typeof(AnalysisResultsDocument))]
[JsonSerializable(typeof(BudgetDecisionDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
