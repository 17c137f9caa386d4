namespace AgoraBench.Tests.Generation;

public class GenerationPromptBuilderTests
{
    private static readonly SyntheticInstance[] Seeds =
    [
        new() { Instruction = "Seed A: add 2 and 3.", Response = "5" },
        new() { Instruction = "Seed B: what is 7 times 6?", Response = "42" },
        new() { Instruction = "Seed C: halve 10.", Response = "5" },
        new() { Instruction = "Seed D: square 4.", Response = "16" },
    ];

    private static readonly SyntheticInstance[] Generated =
    [
        new() { Instruction = "Gen X: cube 2.", Response = "8" },
        new() { Instruction = "Gen Y: double 9.", Response = "18" },
    ];

    [Theory]
    [InlineData("math")]
    [InlineData("code")]
    [InlineData("instruction-following")]
    public void InstanceGeneration_FillsEveryPlaceholder_AndRecordsWhatItDrew(string domainName)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, domain);
        var prompt = GenerationPromptBuilder.InstanceGeneration(template, domain, Seeds, Generated, new Random(7));

        foreach (string placeholder in new[] { "<input1>", "<input2>", "<input3>", "<output1>", "<output2>", "<output3>", "<input_theme>", "<first_word>" })
        {
            Assert.DoesNotContain(placeholder, prompt.Text, StringComparison.Ordinal);
        }

        Assert.Equal(3, prompt.Demonstrations.Count);
        foreach (var demo in prompt.Demonstrations)
        {
            Assert.Contains(demo.Instruction, prompt.Text, StringComparison.Ordinal);
        }

        Assert.NotNull(prompt.Theme);
        Assert.Contains(prompt.Theme, GenerationThemes.For(domain));
        Assert.Contains(prompt.Theme!, prompt.Text, StringComparison.Ordinal);
        if (domain == BenchmarkDomain.InstructionFollowing)
        {
            Assert.Contains(prompt.FirstWord, GenerationThemes.FirstWords);
        }
        else
        {
            Assert.Null(prompt.FirstWord);
        }
    }

    [Fact]
    public void InstanceGeneration_IsReproducibleFromTheSeed_AndVariesAcrossSeeds()
    {
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.InstructionFollowing);
        string Build(int seed) => GenerationPromptBuilder.InstanceGeneration(template, BenchmarkDomain.InstructionFollowing, Seeds, Generated, new Random(seed)).Text;

        // Two independent Random(11) sources give the same prompt; a neighbouring seed gives another one.
        string first = Build(11);
        string again = Build(11);
        Assert.Equal(first, again);
        Assert.NotEqual(first, Build(12));
        Assert.True(Enumerable.Range(0, 20).Select(Build).Distinct().Count() > 10);
    }

    [Fact]
    public void SeedAndGenerated_ShowsTwoSeedsAndOneGeneratedInstance()
    {
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        for (int seed = 0; seed < 50; seed++)
        {
            var demos = GenerationPromptBuilder.InstanceGeneration(template, BenchmarkDomain.Math, Seeds, Generated, new Random(seed)).Demonstrations;
            Assert.Equal(2, demos.Count(Seeds.Contains));
            Assert.Equal(1, demos.Count(Generated.Contains));
            Assert.Equal(2, demos.Where(Seeds.Contains).Distinct().Count());
        }

        var early = GenerationPromptBuilder.InstanceGeneration(template, BenchmarkDomain.Math, Seeds, [], new Random(3)).Demonstrations;
        Assert.All(early, d => Assert.Contains(d, Seeds));
    }

    [Fact]
    public void SeedDemonstrations_AreDistinct_AndDrawnUniformlyFromALargeSeedFile()
    {
        // 7,000 seeds (a GSM8K-sized file) drawn 2 at a time, 20,000 prompts: every seed's share is about 40,000 / 7,000.
        var seeds = Enumerable.Range(0, 7000).Select(i => new SyntheticInstance { Instruction = $"Seed {i}", Response = $"{i}" }).ToArray();
        var index = seeds.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        var hits = new int[seeds.Length];
        var firstHalf = 0;
        for (int seed = 0; seed < 20_000; seed++)
        {
            var demos = GenerationPromptBuilder.InstanceGeneration(template, BenchmarkDomain.Math, seeds, Generated, new Random(seed)).Demonstrations.Where(index.ContainsKey).ToArray();
            Assert.Equal(2, demos.Length);
            Assert.NotSame(demos[0], demos[1]);
            foreach (var d in demos)
            {
                hits[index[d]]++;
                firstHalf += index[d] < seeds.Length / 2 ? 1 : 0;
            }
        }

        // Binomial(40,000, 1/2): the standard deviation is 100, so 20,000 +- 600 holds except with probability ~1e-9.
        Assert.InRange(firstHalf, 19_400, 20_600);
        Assert.True(hits.Max() < 30, $"one seed was drawn {hits.Max()} times (expected about 6 each)");
        Assert.True(hits.Count(h => h == 0) < 100, $"{hits.Count(h => h == 0)} seeds never drawn (expected about 23)");
    }

    [Fact]
    public void ReferenceCode_AlwaysIncludesASeed_AndCanShowGeneratedInstancesTwice()
    {
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        int twoGenerated = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var demos = GenerationPromptBuilder.InstanceGeneration(template, BenchmarkDomain.Math, Seeds, Generated, new Random(seed), DemonstrationMode.ReferenceCode).Demonstrations;
            Assert.Contains(demos, Seeds.Contains);
            twoGenerated += demos.Count(Generated.Contains) == 2 ? 1 : 0;
        }

        // Two of six pool items drawn from Generated (2 of 6): probability 1/15 per prompt, so ~13 of 200.
        Assert.InRange(twoGenerated, 3, 40);
    }

    [Fact]
    public void JsonStyle_EncodesDemonstrationsAsJsonStrings()
    {
        SyntheticInstance quoted = new() { Instruction = "Say \"hi\"\non two lines", Response = "print(\"hi\")" };
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Code, PromptStyle.Json);
        var prompt = GenerationPromptBuilder.InstanceGeneration(template, BenchmarkDomain.Code, [quoted], [], new Random(1), style: PromptStyle.Json);
        Assert.Contains("\"Say \\\"hi\\\"\\non two lines\"", prompt.Text, StringComparison.Ordinal);
        Assert.Contains("\"print(\\\"hi\\\")\"", prompt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceholdersInsideDrawnText_AreNotSubstitutedAgain()
    {
        SyntheticInstance tricky = new() { Instruction = "Explain the tag <output2> and <input_theme>.", Response = "They are markers." };
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        var prompt = GenerationPromptBuilder.InstanceGeneration(template, BenchmarkDomain.Math, [tricky], [], new Random(5));
        Assert.Contains("Explain the tag <output2> and <input_theme>.", prompt.Text, StringComparison.Ordinal);

        string rg = MetaPrompts.Template(GenerationMethod.QualityEnhancement, BenchmarkDomain.Math);
        var seedPrompt = GenerationPromptBuilder.ForSeed(rg, new SyntheticInstance { Instruction = "Repeat <output> literally.", Response = "Done <input>" });
        Assert.Contains("Repeat <output> literally.", seedPrompt.Text, StringComparison.Ordinal);
        Assert.Contains("Done <input>", seedPrompt.Text, StringComparison.Ordinal);
        Assert.Null(seedPrompt.Theme);
    }

    [Fact]
    public void Themes_MatchTheReferenceListSizes()
    {
        Assert.Equal((36, 35), (GenerationThemes.Math.Count, GenerationThemes.Math.Distinct().Count()));
        Assert.Equal(14, GenerationThemes.Code.Count);
        Assert.Equal(28, GenerationThemes.General.Count);
        Assert.Equal((123, 121), (GenerationThemes.FirstWords.Count, GenerationThemes.FirstWords.Distinct().Count()));
        Assert.All(GenerationThemes.FirstWords, w => Assert.EndsWith(" ", w, StringComparison.Ordinal));
    }

    [Fact]
    public void EmptySeeds_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => GenerationPromptBuilder.InstanceGeneration("t", BenchmarkDomain.Math, [], [], new Random(1)));
    }
}
