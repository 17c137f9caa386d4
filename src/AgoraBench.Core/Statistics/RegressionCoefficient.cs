namespace AgoraBench;

/// <summary>One estimated coefficient of an ordinary-least-squares fit.</summary>
/// <param name="Name">The predictor's name, or <c>intercept</c>.</param>
/// <param name="Estimate">The estimated coefficient.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="TStatistic">Estimate / standard error.</param>
/// <param name="PValue">The two-sided p value of the t test that the coefficient is zero.</param>
internal sealed record RegressionCoefficient(string Name, double Estimate, double StandardError, double TStatistic, double PValue);
