namespace AgoraBench.Tests.Generation;

public sealed class TokenizerTokenCounterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agb-tok-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Default_IsGpt4oTiktoken_Offline()
    {
        Assert.Equal(2, TokenizerTokenCounter.Default.CountTokens("Hello world"));
        Assert.Equal(0, TokenizerTokenCounter.Default.CountTokens(string.Empty));
        Assert.Same(TokenizerTokenCounter.Default, TokenizerTokenCounter.Default);
        Assert.True(TokenizerTokenCounter.ForOpenAIModel("gpt-4").CountTokens("The quick brown fox jumps over the lazy dog.") is > 5 and < 15);
    }

    [Fact]
    public void Llama3File_IsReadAsTiktokenRanks()
    {
        // A tiny tiktoken-format file: single bytes plus the merge "ll".
        string[] tokens = ["H", "e", "l", "o", " ", "w", "r", "d", "ll"];
        string path = Path.Combine(_dir, "tokenizer.model");
        File.WriteAllLines(path, tokens.Select((t, rank) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(t)) + " " + rank.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var counter = TokenizerTokenCounter.FromLlama3TokenizerFile(path);
        Assert.Equal(4, counter.CountTokens("Hello"));        // H, e, ll, o
        Assert.Equal(10, counter.CountTokens("Hello world")); // H e ll o, then " " w o r l d (no merge applies)
    }

    [Fact]
    public void ALongRunOfOneCharacter_IsCountedInLinearTime()
    {
        // Byte-pair encoding of one 1 MB pre-token took minutes; the counter cuts such runs. Generous bound for a loaded machine.
        var counter = TokenizerTokenCounter.Default;
        counter.CountTokens("warm up");
        foreach (char c in new[] { 'a', ' ', '7', '=' })
        {
            string text = "Solve: " + new string(c, 1 << 20) + " [END]";
            var watch = System.Diagnostics.Stopwatch.StartNew();
            int tokens = counter.CountTokens(text);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"'{c}': {watch.Elapsed}");
            Assert.InRange(tokens, 1, text.Length);
        }

        // The instance validator (the length check) over a 1 MB seed instruction stays fast as well and rejects it as too long.
        var slow = System.Diagnostics.Stopwatch.StartNew();
        var rejection = GenerationValidator.Validate(GenerationMethod.ResponseGeneration, BenchmarkDomain.InstructionFollowing, new string('x', 1 << 20), "ok", counter);
        Assert.Equal("too-long", rejection?.Code);
        Assert.True(slow.Elapsed < TimeSpan.FromSeconds(60), slow.Elapsed.ToString());
    }

    [Fact]
    public void OrdinaryText_IsCountedWhole_AndLongRunsChangeTheCountBarely()
    {
        Assert.Empty(TokenizerTokenCounter.LongRunCuts("The quick brown fox jumps over the lazy dog. " + new string('a', 200)));
        string word = new('a', 10 * TokenizerTokenCounter.MaxRunLength);
        int pieces = TokenizerTokenCounter.LongRunCuts(word).Count() + 1;
        Assert.Equal(10, pieces);
        int whole = TiktokenOnly(word);
        Assert.InRange(TokenizerTokenCounter.Default.CountTokens(word), whole - pieces, whole + pieces);

        // A surrogate pair is never split.
        string emoji = string.Concat(Enumerable.Repeat("\U0001F600", TokenizerTokenCounter.MaxRunLength));
        Assert.All(TokenizerTokenCounter.LongRunCuts(emoji), cut => Assert.False(char.IsLowSurrogate(emoji[cut])));
    }

    private static int TiktokenOnly(string text) => Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForModel("gpt-4o").CountTokens(text);
}
