using System.Globalization;
using System.Text;

namespace AgoraBench;

/// <summary>
/// Writes a <see cref="PgrForecast"/> as Markdown (a summary, the validation and a table), CSV or JSON. Every format
/// carries the leave-one-generator-out validation next to the predictions, so no prediction travels without its error.
/// </summary>
internal static class ForecastWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Formats a forecast with its validation.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <param name="format">Markdown, CSV or JSON.</param>
    /// <returns>The text, ending in a newline.</returns>
    public static string ToString(PgrForecast forecast, PgrReportFormat format) => format switch
    {
        PgrReportFormat.Csv => Csv(forecast),
        PgrReportFormat.Json => Json(forecast),
        _ => Markdown(forecast),
    };

    /// <summary>The lines that say what the model is and how well it did; printed before any prediction.</summary>
    internal static IReadOnlyList<string> Summary(PgrForecast forecast)
    {
        var v = forecast.Validation;
        int runs = v.Observations - forecast.PublishedObservations;
        return
        [
            string.Create(Invariant, $"Model: ridge regression of PGR on {forecast.Features.Count} standardised feature(s) ({string.Join(", ", forecast.Features)}); penalty {forecast.Penalty:0.####} chosen by leave-one-generator-out cross-validation."),
            string.Create(Invariant, $"Fitted on {v.Observations} observed cell(s) of {v.Generators} generator(s): {forecast.PublishedObservations} from the paper, {runs} from your runs."),
            string.Create(Invariant, $"Leave-one-generator-out error: MAE {v.Mae:0.00}, RMSE {v.Rmse:0.00} PGR points; {v.Level:0%} prediction-interval coverage {v.Coverage:0.0%}."),
            string.Create(Invariant, $"Mean-only baseline, same validation: MAE {v.MeanMae:0.00}, RMSE {v.MeanRmse:0.00}; coverage {v.MeanCoverage:0.0%}."),
            forecast.Verdict,
        ];
    }

    private static string Markdown(PgrForecast forecast)
    {
        var text = new StringBuilder();
        text.AppendLine("# PGR forecast").AppendLine();
        foreach (string line in Summary(forecast))
        {
            text.Append("- ").AppendLine(line);
        }

        foreach (string note in forecast.Notes)
        {
            text.Append("- note: ").AppendLine(note);
        }

        text.AppendLine();
        if (forecast.Predictions.Count > 0)
        {
            text.AppendLine(string.Create(Invariant, $"## Forecast ({forecast.Validation.Level:0%} prediction intervals, ± {forecast.IntervalHalfWidth:0.00})")).AppendLine();
            var table = new MarkdownTable(("Generator", false), ("Setting", false), ("Predicted PGR", true), ("Low", true), ("High", true));
            foreach (var p in forecast.Predictions)
            {
                table.AddRow(p.Generator, p.Setting.Key, MarkdownTable.Number(p.Predicted), MarkdownTable.Number(p.Low), MarkdownTable.Number(p.High));
            }

            table.WriteTo(new StringWriter(text, Invariant));
            text.AppendLine();
        }

        text.AppendLine("## Observed cells, each predicted with its generator left out").AppendLine();
        var cv = new MarkdownTable(("Generator", false), ("Setting", false), ("Observed", true), ("Predicted", true), ("Low", true), ("High", true), ("Inside", false));
        foreach (var p in forecast.CrossValidated)
        {
            cv.AddRow(p.Generator, p.Setting.Key, MarkdownTable.Number(p.Observed!.Value), MarkdownTable.Number(p.Predicted), MarkdownTable.Number(p.Low), MarkdownTable.Number(p.High), Inside(p) ? "yes" : "no");
        }

        cv.WriteTo(new StringWriter(text, Invariant));
        return text.ToString();
    }

    private static bool Inside(ForecastPrediction p) => p.Observed is double o && o >= p.Low && o <= p.High;

    private static string Csv(PgrForecast forecast)
    {
        var v = forecast.Validation;
        var rows = forecast.Predictions.Select(p => ("forecast", p)).Concat(forecast.CrossValidated.Select(p => ("cross-validated", p)))
            .Select(r => (IReadOnlyList<object?>)
            [
                r.Item1, r.p.Generator, AgoraBenchNames.ToName(r.p.Setting.Method), AgoraBenchNames.ToName(r.p.Setting.Domain),
                r.p.Predicted, r.p.Low, r.p.High, r.p.Observed, v.Level, v.Mae, v.Rmse, v.Coverage, v.MeanMae, v.MeanRmse, v.BetterThanMean ? "true" : "false",
            ]);
        return CsvText.Write(
            ["kind", "generator", "method", "domain", "predicted", "low", "high", "observed", "level", "logo_mae", "logo_rmse", "logo_coverage", "mean_mae", "mean_rmse", "better_than_mean"],
            rows);
    }

    private static string Json(PgrForecast forecast) => ArtefactJson.Write(ForecastDocument.From(forecast), ForecastJsonContext.Default.ForecastDocument);
}
