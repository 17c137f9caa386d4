using System.Text.Json;

namespace AgoraBench.Tests.Metrics;

/// <summary><c>metrics.json</c>: a metric's own statistics sit under <c>"details"</c>, and files of the earlier shape (details beside <c>"mean"</c>) still read.</summary>
public sealed class MetricsJsonTests
{
    private static IntrinsicMetricsReport Report() => new(
    [
        new IntrinsicMetricResult(
            name: "response-quality",
            value: 4.25,
            count: 4,
            failed: 1,
            details: new Dictionary<string, double> { ["median"] = 4.5, ["mean"] = 99 },
            diagnostics: [new MetricDiagnostic(3, "empty-response", "the judge returned nothing")],
            usage: new MetricUsage(5, 5120, 640)),
        new IntrinsicMetricResult(name: "instruction-diversity", value: null, failed: 2, usage: new MetricUsage(1, 64, 0)),
    ]);

    [Fact]
    public void ToJson_KeepsTheMetricsOwnStatisticsApartFromTheFieldsEveryMetricHas()
    {
        using var json = JsonDocument.Parse(Report().ToJson());
        var quality = json.RootElement.GetProperty("metrics").GetProperty("response-quality");

        // A detail named like a reserved field no longer collides with it.
        Assert.Equal(4.25, quality.GetProperty("mean").GetDouble());
        Assert.Equal(99, quality.GetProperty("details").GetProperty("mean").GetDouble());
        Assert.Equal(["mean", "count", "failed", "details", "requests", "input_tokens", "output_tokens", "failures", "diagnostics"], quality.EnumerateObject().Select(p => p.Name));
        var diversity = json.RootElement.GetProperty("metrics").GetProperty("instruction-diversity");
        Assert.Equal(JsonValueKind.Null, diversity.GetProperty("mean").ValueKind);
        Assert.False(diversity.TryGetProperty("details", out _));
    }

    [Fact]
    public async Task ReadAsync_ReadsBothShapes()
    {
        string old = Path.Combine(AppContext.BaseDirectory, "Metrics", "Golden", "metrics-old-format.json");
        string current = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(current, Report().ToJson());
            foreach (string path in new[] { old, current })
            {
                var document = await IntrinsicMetricsDocument.ReadAsync(path, CancellationToken.None);
                Assert.Equal(["response-quality", "instruction-diversity"], document.Metrics.Keys);
                var quality = document.Metrics["response-quality"];
                Assert.Equal((4.25, 5L, 5120L, 640L), (quality.Mean!.Value, quality.Requests, quality.InputTokens, quality.OutputTokens));
                Assert.Null(document.Metrics["instruction-diversity"].Mean);
                Assert.Equal(1, quality.Failures["empty-response"]);
            }
        }
        finally
        {
            File.Delete(current);
        }
    }

    [Fact]
    public async Task ReadAsync_BadFile_NamesFileLineAndField()
    {
        string path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "{\n  \"metrics\": {\n    \"response-quality\": {\n      \"mean\": \"high\"\n    }\n  }\n}\n");
            var ex = await Assert.ThrowsAsync<DataValidationException>(() => IntrinsicMetricsDocument.ReadAsync(path, CancellationToken.None));
            var error = Assert.Single(ex.Errors);
            Assert.Equal((path, 4), (error.Source, error.Line));
            Assert.Contains("response-quality", error.Message, StringComparison.Ordinal);
            Assert.Contains(".mean'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
