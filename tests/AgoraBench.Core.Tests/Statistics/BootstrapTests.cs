namespace AgoraBench.Tests.Statistics;

public class BootstrapTests
{
    private static readonly double[] Student = [.. Enumerable.Range(0, 200).Select(i => i % 10 < 6 ? 1.0 : 0.0)];
    private static readonly double[] Base = [.. Enumerable.Range(0, 200).Select(i => i % 10 < 4 ? 1.0 : 0.0)];
    private static readonly double[] Reference = [.. Enumerable.Range(0, 200).Select(i => i % 10 < 8 ? 1.0 : 0.0)];

    [Fact]
    public void PgrInterval_EstimateIsPgrOfMeans_AndIntervalContainsIt()
    {
        var ci = Bootstrap.PgrInterval(Student, Base, Reference, rounds: 2000, seed: 7);
        Assert.Equal(50, ci.Estimate, 10);
        Assert.InRange(ci.Estimate, ci.Lower, ci.Upper);
        Assert.True(ci.Upper - ci.Lower > 1, "resampling 200 items gives a non-trivial interval");
        Assert.Equal((2000, 0.95), (ci.Rounds, ci.Confidence));
    }

    [Fact]
    public void PgrInterval_SameSeedSameInterval_OtherSeedOtherInterval()
    {
        var a = Bootstrap.PgrInterval(Student, Base, Reference, seed: 1);
        var b = Bootstrap.PgrInterval(Student, Base, Reference, seed: 1);
        var c = Bootstrap.PgrInterval(Student, Base, Reference, seed: 2);
        Assert.Equal((a.Estimate, a.Lower, a.Upper, a.Confidence, a.Rounds, a.SkippedRounds, a.Problem), (b.Estimate, b.Lower, b.Upper, b.Confidence, b.Rounds, b.SkippedRounds, b.Problem));
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
    }

    [Fact]
    public void PgrInterval_UndefinedOnFullData_Throws() =>
        Assert.Throws<DataValidationException>(() => Bootstrap.PgrInterval(Student, Base, Base));
}
