namespace AgoraBench.Tests.Statistics;

public class CorrelationsTests
{
    [Fact]
    public void Pearson_AnscombeI()
    {
        var r = Correlations.Pearson([10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5], [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]);
        Assert.Equal(0.81642051634484, r.Coefficient, 12);
        Assert.Equal(0.00216962887307879, r.PValue, 9);
        Assert.Equal(11, r.N);
    }

    [Fact]
    public void Spearman_WithTies_UsesAverageRanks()
    {
        // y ranks 1, 2, 3.5, 5, 3.5 → ρ = 8 / √95.
        var rho = Correlations.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
        Assert.Equal(8 / Math.Sqrt(95), rho.Coefficient, 12);
        Assert.Equal([1, 2, 3.5, 5, 3.5], Correlations.Ranks([5, 6, 7, 8, 7]));
    }

    [Fact]
    public void Spearman_MonotoneButNonlinear_IsOne()
    {
        var rho = Correlations.Spearman([1, 2, 3, 4, 5], [1, 8, 27, 64, 125]);
        Assert.Equal(1, rho.Coefficient, 12);
        Assert.Equal(0, rho.PValue);
    }

    [Fact]
    public void Pearson_ConstantVariable_Throws() =>
        Assert.Throws<DataValidationException>(() => Correlations.Pearson([1, 2, 3], [4, 4, 4]));
}
