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
}
