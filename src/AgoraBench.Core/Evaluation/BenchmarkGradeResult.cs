namespace AgoraBench;

/// <summary>A graded benchmark.</summary>
public sealed class BenchmarkGradeResult
{
    internal BenchmarkGradeResult(double score, int n, IReadOnlyList<BenchmarkItemGrade> items)
    {
        Score = score;
        N = n;
        Items = items;
    }

    /// <summary>Gets the score in percent (mean over problems of the fraction of correct outputs).</summary>
    public double Score { get; }

    /// <summary>Gets the number of problems.</summary>
    public int N { get; }

    /// <summary>Gets each problem's grade.</summary>
    public IReadOnlyList<BenchmarkItemGrade> Items { get; }

    /// <summary>Formats the result as <c>{"benchmark", "score", "n", "items": [{"id", "correct", "extracted", "rule", …}]}</c>.</summary>
    /// <param name="benchmark">The benchmark id.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(string benchmark) => JsonReport.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("benchmark", benchmark);
        JsonReport.Number(json, "score", Score);
        json.WriteNumber("n", N);
        if (Items.Sum(i => i.Unscored) is > 0 and int unscored)
        {
            json.WriteNumber("unscored", unscored);
        }
        json.WriteStartArray("items");
        foreach (var item in Items)
        {
            json.WriteStartObject();
            json.WriteString("id", item.Id);
            json.WriteBoolean("correct", item.Correct);
            if (item.Extracted is null)
            {
                json.WriteNull("extracted");
            }
            else
            {
                json.WriteString("extracted", item.Extracted);
            }

            json.WriteString("rule", item.Rule);
            if (item.Points != item.SamplesCorrect)
            {
                JsonReport.Number(json, "points", item.Points);
            }

            if (item.Unscored > 0)
            {
                json.WriteNumber("unscored", item.Unscored);
            }
            if (item.Samples > 1)
            {
                json.WriteNumber("samples", item.Samples);
                json.WriteNumber("samples_correct", item.SamplesCorrect);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
