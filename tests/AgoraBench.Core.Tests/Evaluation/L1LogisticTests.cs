namespace AgoraBench.Tests.Evaluation;

public class L1LogisticTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.3594)]
    [InlineData(21.54)]
    [InlineData(10000)]
    public void Fit_MeetsTheL1OptimalityConditions(double c)
    {
        // Optimality of ‖b‖₁ + C·L(b): for a non-zero coefficient C·∂L/∂b_j = −sign(b_j); for a zero one |C·∂L/∂b_j| ≤ 1.
        var random = new Random(5);
        int n = 600;
        var x = new double[n][];
        var y = new double[n];
        var w = new double[n];
        for (int r = 0; r < n; r++)
        {
            x[r] = [Math.Tanh((random.NextDouble() * 4) - 2), (random.NextDouble() * 3) - 1.5, r % 3 == 0 ? 0 : 1];
            double z = (-0.8 * x[r][0]) + (0.6 * x[r][1]) + (0.3 * x[r][2]);
            y[r] = Math.Clamp((1 / (1 + Math.Exp(-z))) + ((random.NextDouble() - 0.5) * 0.3), 0, 1);
            w[r] = x[r][2] == 0 ? 0.1 : 1;
        }

        var b = L1Logistic.Fit(x, y, w, c);

        for (int j = 0; j < 3; j++)
        {
            double gradient = 0;
            for (int r = 0; r < n; r++)
            {
                double z = (x[r][0] * b[0]) + (x[r][1] * b[1]) + (x[r][2] * b[2]);
                gradient += w[r] * ((1 / (1 + Math.Exp(-z))) - y[r]) * x[r][j];
            }

            if (b[j] != 0)
            {
                Assert.Equal(-Math.Sign(b[j]), c * gradient, 3);
            }
            else
            {
                Assert.InRange(c * gradient, -1 - 1e-6, 1 + 1e-6);
            }
        }
    }

    [Fact]
    public void Grid_IsNumpyLogspace()
    {
        Assert.Equal(10, L1Logistic.Grid.Count);
        Assert.Equal(1e-4, L1Logistic.Grid[0], 12);
        Assert.Equal(0.35938136638046, L1Logistic.Grid[4], 10);
        Assert.Equal(1e4, L1Logistic.Grid[9], 6);
    }
}
