namespace AgoraBench.Tests.Generation;

public sealed class StableSeedTests
{
    // Values computed independently (a Python transcription of SplitMix64). Regression: the engine seeded each item's demonstrations with HashCode.Combine, whose values differ from one
    // process to the next, so a resumed run (a new process) built other prompts than the run it continued.
    [Fact]
    public void Mix_GivesTheSameSeedInEveryProcess()
    {
        Assert.Equal(StableSeed.Mix(42, 0, 1), StableSeed.Mix(42, 0, 1));
        Assert.Equal(-224_702_151, StableSeed.Mix(42, 0, 1));
        Assert.Equal(-1_148_726_223, StableSeed.Mix(42, 7, 3, 17));
    }

    [Fact]
    public void Mix_SeparatesNeighbouringInputs()
    {
        var seeds = new HashSet<int>();
        for (int item = 0; item < 1000; item++)
        {
            for (int attempt = 1; attempt <= 3; attempt++)
            {
                seeds.Add(StableSeed.Mix(42, item, attempt));
            }
        }

        Assert.Equal(3000, seeds.Count);
        Assert.NotEqual(StableSeed.Mix(1, 2), StableSeed.Mix(2, 1));
    }
}
