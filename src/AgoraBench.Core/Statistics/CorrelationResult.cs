namespace AgoraBench;

/// <summary>A correlation coefficient with its two-sided p value.</summary>
/// <param name="Coefficient">The coefficient, in [−1, 1].</param>
/// <param name="PValue">The two-sided p value of the test that the correlation is zero (t distribution with n − 2 degrees of freedom).</param>
/// <param name="N">The number of pairs.</param>
public sealed record CorrelationResult(double Coefficient, double PValue, int N);
