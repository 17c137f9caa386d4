namespace AgoraBench.Tests.Pgr;

public class PerformanceGapRecoveredTests
{
    [Fact]
    public void Compute_Figure3WorkedExample_FollowsEquation2()
    {
        // Fig. 3 prints base 19.84, student 28.08, reference 34.60 and "55.56 %". Eq. 2 on those inputs gives
        // 8.24 / 14.76 = 55.83 %; the printed 55.56 would need a student score of 28.04 (see docs/pgr.md).
        double pgr = PerformanceGapRecovered.Compute(28.08, 19.84, 34.60);
        Assert.Equal(55.83, Math.Round(pgr, 2));
        Assert.Equal(100.0 * 8.24 / 14.76, pgr, 10);
        Assert.Equal(55.56, Math.Round(PerformanceGapRecovered.Compute(19.84 + (0.5556 * 14.76), 19.84, 34.60), 2));
    }

    [Theory]
    [InlineData(10, 20, 30, -100)]
    [InlineData(40, 20, 30, 200)]
    [InlineData(20, 20, 30, 0)]
    [InlineData(30, 20, 30, 100)]
    [InlineData(25, 30, 20, 50)]
    public void Compute_IsNeverClipped(double student, double baseScore, double reference, double expected) =>
        Assert.Equal(expected, PerformanceGapRecovered.Compute(student, baseScore, reference), 12);

    [Fact]
    public void Compute_ReferenceEqualsBase_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => PerformanceGapRecovered.Compute(50, 34.6, 34.6));
        Assert.Contains("equals base score", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 1, 2, "student")]
    [InlineData(1, double.PositiveInfinity, 2, "base")]
    [InlineData(1, 2, double.NaN, "reference")]
    public void TryCompute_NonFinite_ReportsWhich(double student, double baseScore, double reference, string which)
    {
        Assert.False(PerformanceGapRecovered.TryCompute(student, baseScore, reference, out double pgr, out string? problem));
        Assert.True(double.IsNaN(pgr));
        Assert.StartsWith(which, problem, StringComparison.Ordinal);
    }
}
