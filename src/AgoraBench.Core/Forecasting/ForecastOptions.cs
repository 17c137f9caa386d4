namespace AgoraBench;

/// <summary>Options of <see cref="PgrForecaster"/>.</summary>
public sealed class ForecastOptions
{
    /// <summary>Gets the features PGR is regressed on: metric names (see <see cref="IntrinsicMetricNames"/>), and <c>problem_solving</c>.</summary>
    /// <value>Empty by default: every feature that every cell to forecast has (every observed cell, when there is nothing to forecast) and that no observed cell lacks.</value>
    public IList<string> Features { get; internal init; } = [];

    /// <summary>Gets or sets the coverage the prediction intervals aim at.</summary>
    /// <value>The default value is 0.9.</value>
    public double Level { get; set; } = 0.9;

    /// <summary>Gets the ridge penalties the inner leave-one-generator-out loop chooses from (on standardised features).</summary>
    /// <value>By default 13 values from 0.01 to 10,000, evenly spaced on a log scale; the largest is, in effect, the mean.</value>
    internal IList<double> Penalties { get; init; } = [.. Enumerable.Range(0, 13).Select(i => Math.Round(Math.Pow(10, -2 + (i * 0.5)), 4))];
}
