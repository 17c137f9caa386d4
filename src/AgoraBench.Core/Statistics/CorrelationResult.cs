namespace AgoraBench;

/// <summary>A correlation coefficient with its two-sided p value.</summary>
public sealed class CorrelationResult
{
    internal CorrelationResult(double coefficient, double pValue, int n)
    {
        Coefficient = coefficient;
        PValue = pValue;
        N = n;
    }

    /// <summary>Gets the coefficient, in [−1, 1].</summary>
    public double Coefficient { get; }

    /// <summary>Gets the two-sided p value of the test that the correlation is zero (t distribution with n − 2 degrees of freedom).</summary>
    public double PValue { get; }

    /// <summary>Gets the number of pairs.</summary>
    public int N { get; }
}
