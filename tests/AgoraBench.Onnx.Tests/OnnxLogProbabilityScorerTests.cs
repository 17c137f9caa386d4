using System.Text;

namespace AgoraBench.Onnx.Tests;

public sealed class OnnxLogProbabilityScorerTests : IDisposable
{
    // Vocabulary a=0, b=1, c=2, d=3. Row = previous token, column = next token.
    private static readonly float[,] Table =
    {
        { 0.0f, 3.0f, 0.5f, -1.0f },
        { 1.0f, 0.0f, 2.5f, 0.0f },
        { 2.0f, -2.0f, 0.0f, 1.5f },
        { 0.3f, 0.3f, 0.3f, 0.3f },
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("agorabench-onnx-").FullName;

    public OnnxLogProbabilityScorerTests()
    {
        File.WriteAllBytes(Path.Combine(_dir, "model.onnx"), TinyOnnxModel.Bigram(Table));
        File.WriteAllText(Path.Combine(_dir, "vocab.json"), "{\"a\": 0, \"b\": 1, \"c\": 2, \"d\": 3}");
        File.WriteAllText(Path.Combine(_dir, "merges.txt"), "#version: 0.2\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static double LogProb(int previous, int next)
    {
        double max = Enumerable.Range(0, 4).Max(j => Table[previous, j]);
        double logSum = Math.Log(Enumerable.Range(0, 4).Sum(j => Math.Exp(Table[previous, j] - max))) + max;
        return Table[previous, next] - logSum;
    }

    [Fact]
    public async Task ScoreAsync_GivesTheBigramLogProbabilities_OfTheContinuationOnly()
    {
        using var scorer = OnnxLogProbabilityScorer.FromDirectory(_dir);

        var scored = await scorer.ScoreAsync("ab", "ca");

        Assert.Equal(2, scored.LogProbabilities.Count);
        Assert.Equal(LogProb(1, 2), scored.LogProbabilities[0], 5);
        Assert.Equal(LogProb(2, 0), scored.LogProbabilities[1], 5);
        Assert.Equal(4, scored.InputTokens);
    }

    [Fact]
    public async Task PerplexityMetric_OverOnnx_IsExact_AndLowerForLikelyText()
    {
        using var scorer = OnnxLogProbabilityScorer.FromDirectory(_dir);
        var metric = new PerplexityMetric(scorer);

        // After 'a' the likeliest next token is 'b', after 'b' it is 'c', after 'c' it is 'a'.
        var likely = await metric.ComputeAsync([new SyntheticInstance { Instruction = "a", Response = "bcabc" }]);
        var unlikely = await metric.ComputeAsync([new SyntheticInstance { Instruction = "a", Response = "dcbdb" }]);

        double expected = Math.Exp(-(LogProb(0, 1) + LogProb(1, 2) + LogProb(2, 0) + LogProb(0, 1) + LogProb(1, 2)) / 5);
        Assert.Equal(expected, likely.Value!.Value, 4);
        Assert.True(unlikely.Value > 2 * likely.Value, $"likely {likely.Value}, unlikely {unlikely.Value}");
    }

    [Fact]
    public async Task BeginningOfSequence_IsPrepended()
    {
        using var scorer = OnnxLogProbabilityScorer.FromDirectory(_dir, new OnnxLogProbabilityScorerOptions { BeginningOfSequenceId = 3 });
        var scored = await scorer.ScoreAsync(string.Empty, "a");
        Assert.Equal(LogProb(3, 0), Assert.Single(scored.LogProbabilities), 5);
    }

    [Fact]
    public void ModelWithKvCacheInputs_IsRejectedWithItsInputs()
    {
        File.WriteAllBytes(Path.Combine(_dir, "model.onnx"), TinyOnnxModel.Bigram(Table, "past_key_values.0.key"));
        var ex = Assert.Throws<ArgumentException>(() => OnnxLogProbabilityScorer.FromDirectory(_dir));
        Assert.Contains("past_key_values.0.key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("use_cache=False", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTokenizer_SaysWhatTheFolderNeeds()
    {
        File.Delete(Path.Combine(_dir, "vocab.json"));
        var ex = Assert.Throws<FileNotFoundException>(() => OnnxLogProbabilityScorer.FromDirectory(_dir));
        Assert.Contains("tokenizer.model or vocab.json + merges.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TinyModel_IsAValidOnnxFile()
    {
        byte[] bytes = TinyOnnxModel.Bigram(Table);
        Assert.True(bytes.Length < 1024);
        Assert.Contains("Gather", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }
}
