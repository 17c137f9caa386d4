namespace AgoraBench;

/// <summary>Options of <see cref="PgrForecaster"/>.</summary>
public sealed class ForecastOptions
{
    /// <summary>Gets the features PGR is regressed on: metric names (see <see cref="IntrinsicMetricNames"/>), and <c>problem_solving</c>.</summary>
    /// <value>Empty by default: every feature that every cell to forecast has (every observed cell, when there is nothing to forecast) and that no observed cell lacks.</value>
    public IList<string> Features { get; init; } = [];

    /// <summary>Gets or sets the coverage the prediction intervals aim at.</summary>
    /// <value>The default value is 0.9.</value>
    public double Level { get; set; } = 0.9;

    /// <summary>Gets the ridge penalties the inner leave-one-generator-out loop chooses from (on standardised features).</summary>
    /// <value>By default 13 values from 0.01 to 10,000, evenly spaced on a log scale; the largest is, in effect, the mean.</value>
    public IList<double> Penalties { get; init; } = [.. Enumerable.Range(0, 13).Select(i => Math.Round(Math.Pow(10, -2 + (i * 0.5)), 4))];

    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(Level > 0 && Level < 1))
        {
            errors.Add($"ForecastOptions.Level must be between 0 and 1 (exclusive); it is {Level}.");
        }

        if (Penalties is null || Penalties.Count == 0)
        {
            errors.Add("ForecastOptions.Penalties must hold at least one penalty.");
        }
        else if (Penalties.Any(p => !(p >= 0) || double.IsInfinity(p)))
        {
            errors.Add("ForecastOptions.Penalties must be finite and non-negative.");
        }

        if (Features is null)
        {
            errors.Add("ForecastOptions.Features must not be null (leave it empty to choose the features automatically).");
        }
        else if (Features.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("ForecastOptions.Features must not hold an empty name.");
        }

        return errors;
    }
}
