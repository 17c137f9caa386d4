using System.Text.Json.Nodes;

namespace AgoraBench.Tests.Evaluation;

/// <summary>The numeric grader's default extraction: the last number of an answer, read the way a person reads it.</summary>
public sealed class NumberTextTests
{
    [Theory]
    // Kept: signs, '$', '%', comma thousands, a bare decimal part, trailing full stops.
    [InlineData("Answer: 1,234.5 m", "1,234.5", 1234.5)]
    [InlineData("Answer: $1,500", "$1,500", 1500)]
    [InlineData("Answer: 12.5%", "12.5", 12.5)]
    [InlineData("Answer: 42.", "42", 42)]
    [InlineData("Answer: -5 °C", "-5", -5)]
    [InlineData("Answer: +5", "+5", 5)]
    [InlineData("Answer: .5 g", ".5", 0.5)]
    [InlineData("Answer: 1,000,000 mg", "1,000,000", 1_000_000)]
    [InlineData("It weighs 3 kg, so 7 kg", "7", 7)]
    [InlineData("Natalia: 48 + 24 = 72", "72", 72)]
    [InlineData("a loss of −12 dollars", "−12", -12)]
    [InlineData("between 5-10 minutes", "10", 10)]
    // Scientific notation.
    [InlineData("Answer: 2.5e3 g", "2.5e3", 2500)]
    [InlineData("Answer: 6.02E23 atoms", "6.02E23", 6.02e23)]
    [InlineData("Answer: 1.6e-19 C", "1.6e-19", 1.6e-19)]
    [InlineData("Answer: 2.5 × 10^3 g", "2.5 × 10^3", 2500)]
    [InlineData("Answer: 2.5x10^-3 m", "2.5x10^-3", 0.0025)]
    [InlineData("Answer: 3×10⁸ m/s", "3×10⁸", 3e8)]
    [InlineData("Answer: 4 \\times 10^{2}", "4 \\times 10^{2}", 400)]
    [InlineData("2^10 bytes", "2^10", 1024)]
    // Digits inside unit tokens and names are never the answer.
    [InlineData("Answer: 50 m^3", "50", 50)]
    [InlineData("Answer: 50 m3", "50", 50)]
    [InlineData("Answer: 50 cm²", "50", 50)]
    [InlineData("Answer: 9.8 km/h²", "9.8", 9.8)]
    [InlineData("Answer: 9.8 m/s^2", "9.8", 9.8)]
    [InlineData("Answer: 7 kg m^-3", "7", 7)]
    [InlineData("Answer: 44 g of CO2", "44", 44)]
    [InlineData("Answer: 18 g of H2O", "18", 18)]
    // Space-grouped thousands (space, no-break, thin and narrow no-break spaces), only with three-digit groups.
    [InlineData("Answer: 86 400 s", "86 400", 86400)]
    [InlineData("Answer: 1 000 000 mg", "1 000 000", 1_000_000)]
    [InlineData("Answer: 86\u00A0400 s", "86\u00A0400", 86400)]
    [InlineData("Answer: 86\u2009400 s", "86\u2009400", 86400)]
    [InlineData("Answer: 86\u202F400.5 s", "86\u202F400.5", 86400.5)]
    [InlineData("Answer: 12 3456", "3456", 3456)]
    [InlineData("in 2023 400 people came", "400", 400)]
    [InlineData("Answer: 1 23", "23", 23)]
    [InlineData("Answer: 1 234\u00A0567", "567", 567)]
    public void LastNumber_ReadsTheAnswer(string text, string expected, double value)
    {
        Assert.Equal(expected, NumberText.Last(text));
        Assert.Equal(value, NumberText.FirstValue(expected)!.Value, Math.Abs(value) * 1e-12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("about two")]
    [InlineData("CO2 and H2O")]
    [InlineData("in m^3 or m3 or cm²")]
    [InlineData("x2 = y3")]
    [InlineData("version v2")]
    public void NoNumber_WhenOnlyUnitsOrNamesCarryDigits(string text) => Assert.Null(NumberText.Last(text));

    [Theory]
    [InlineData("Answer: 2.5e3 g", "2500", 1.0)]
    [InlineData("Answer: 50 m^3", "50", 1.0)]
    [InlineData("Answer: 50 m^3", "3", 0.0)]
    [InlineData("Answer: 86 400 s", "86400", 1.0)]
    [InlineData("Answer: 86 400 s", "400", 0.0)]
    [InlineData("Answer: 3,000 mL", "3000", 1.0)]
    [InlineData("Answer: 1500", "1,500", 1.0)]
    [InlineData("Answer: 20", "$20", 1.0)]
    [InlineData("Answer: 10.02", "10", 0.0)]
    [InlineData("Answer: 6.02 × 10^23", "6.02e23", 1.0)]
    public async Task NumericGrader_DefaultExtraction(string output, string gold, double expected)
    {
        var options = new JsonObject { ["kind"] = "numeric", ["answer"] = "gold" };
        var grader = GraderRegistry.BuiltIn.Create(new GraderSpec("numeric", options), new GraderContext());
        var problem = new BenchmarkProblem("p", "Q?", null, 1)
        {
            Fields = new Dictionary<string, System.Text.Json.JsonElement> { ["gold"] = System.Text.Json.JsonSerializer.SerializeToElement(gold) },
        };
        var score = await grader.GradeAsync(new GradingItem(problem, output, problem.Prompt));
        Assert.Equal(expected, score.Score);
    }
}
