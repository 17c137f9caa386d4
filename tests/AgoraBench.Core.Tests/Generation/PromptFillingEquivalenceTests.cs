using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgoraBench.Tests.Generation;

/// <summary>
/// The one-pass prompt filling, the allocation-free demonstration draw, the span-based parser and the validator's
/// leak and length checks must give exactly what the straightforward versions they replaced gave: a run resumed from an
/// older version's issued-prompt log draws the same prompts, and the same completions are accepted. The straightforward
/// versions are kept here as the reference.
/// </summary>
public class PromptFillingEquivalenceTests
{
    private static readonly Regex ReferencePlaceholder = new("<(?:input|output)[123]?>|<input_theme>|<first_word>", RegexOptions.CultureInvariant);

    public static TheoryData<string, string, string> Settings()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var domain in new[] { "math", "code", "instruction-following" })
        {
            foreach (var mode in new[] { nameof(DemonstrationMode.SeedAndGenerated), nameof(DemonstrationMode.ReferenceCode) })
            {
                foreach (var style in new[] { nameof(PromptStyle.Agora), nameof(PromptStyle.Json) })
                {
                    data.Add(domain, mode, style);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void InstanceGeneration_DrawsAndFillsExactlyAsTheReference(string domainName, string modeName, string styleName)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        var mode = Enum.Parse<DemonstrationMode>(modeName);
        var style = Enum.Parse<PromptStyle>(styleName);
        string template = MetaPrompts.Template(GenerationMethod.InstanceGeneration, domain, style);
        var themes = GenerationThemes.For(domain);

        // Seeds that mention placeholders themselves, non-ASCII text, and pools of one, two and many.
        var seeds = Enumerable.Range(0, 40).Select(i => new SyntheticInstance
        {
            Instruction = i % 7 == 0 ? $"Seed {i} quotes <output2> and <input_theme> verbatim" : $"Seed {i}: café problem № {i}",
            Response = i % 5 == 0 ? $"answer {i} with \"quotes\" and <first_word>" : $"answer {i}",
        }).ToArray();
        var generated = Enumerable.Range(0, 9).Select(i => new SyntheticInstance { Instruction = $"Gen {i}", Response = $"out {i}" }).ToArray();

        foreach (int seedCount in new[] { 1, 2, 3, 40 })
        {
            foreach (int generatedCount in new[] { 0, 1, 9 })
            {
                for (int draw = 0; draw < 25; draw++)
                {
                    int randomSeed = StableSeed.Mix(seedCount, generatedCount, draw);
                    var pool = seeds[..seedCount];
                    var made = generated[..generatedCount];
                    var actual = GenerationPromptBuilder.InstanceGeneration(template, themes, pool, made, new Random(randomSeed), mode, style);
                    var expected = ReferenceInstanceGeneration(template, themes, pool, made, new Random(randomSeed), mode, style);

                    Assert.Equal(expected.Text, actual.Text);
                    Assert.Equal(expected.Theme, actual.Theme);
                    Assert.Equal(expected.FirstWord, actual.FirstWord);
                    Assert.Equal(expected.Demonstrations, actual.Demonstrations);
                }
            }
        }
    }

    [Theory]
    [InlineData("response-generation")]
    [InlineData("quality-enhancement")]
    public void ForSeed_FillsExactlyAsTheReference(string methodName)
    {
        var method = AgoraBenchNames.ParseMethod(methodName);
        foreach (var domain in new[] { BenchmarkDomain.Math, BenchmarkDomain.Code, BenchmarkDomain.InstructionFollowing })
        {
            string template = MetaPrompts.Template(method, domain);
            var seed = new SyntheticInstance { Instruction = "Q mentions <output> and <input1>", Response = "A mentions <input>" };
            string expected = ReferencePlaceholder.Replace(template, m => m.Value switch
            {
                "<input>" => seed.Instruction,
                "<output>" => seed.Response,
                _ => m.Value,
            });

            Assert.Equal(expected, GenerationPromptBuilder.ForSeed(template, seed).Text);
        }
    }

    [Fact]
    public void Fill_LeavesPlaceholdersWithoutValuesAsWritten_AndReusesTheParsedTemplate()
    {
        string template = "<input> | <input1> <output1> | <input_theme><first_word> | <output3>";
        var values = new string?[PromptTemplate.SlotCount];
        values[PromptTemplate.Input1] = "I1";
        values[PromptTemplate.Output] = "never used";

        Assert.Equal("<input> | I1 <output1> | <input_theme><first_word> | <output3>", PromptTemplate.For(template).Fill(values));
        Assert.Same(PromptTemplate.For(template), PromptTemplate.For(template));
        Assert.True(PromptTemplate.For(template).Uses(PromptTemplate.Theme));
        Assert.False(PromptTemplate.For("no placeholders").Uses(PromptTemplate.Theme));
        Assert.Equal(string.Empty, PromptTemplate.For(string.Empty).Fill(new string?[PromptTemplate.SlotCount]));
    }

    [Theory]
    [InlineData("Plain answer [RESULT] 4 [/RESULT]")]
    [InlineData("It says INPUT: again [RESULT] 4 [/RESULT]")]
    [InlineData("Upper <OUTPUT> leak [RESULT] 4 [/RESULT]")]
    [InlineData("Mixed [End] marker [RESULT] 4 [/RESULT]")]
    [InlineData("Non-ASCII café Output: here [RESULT] 4 [/RESULT]")]
    [InlineData("Turkish dotted \u0130NPUT: here [RESULT] 4 [/RESULT]")]
    [InlineData("Kelvin sign <\u212Aey> and <İnput> [RESULT] 4 [/RESULT]")]
    [InlineData("Revised Answer: shown [RESULT] 4 [/RESULT]")]
    public void Validate_FindsTheSameLeakAsTheLowerCasedSearch(string response)
    {
        foreach (var method in new[] { GenerationMethod.InstanceGeneration, GenerationMethod.ResponseGeneration, GenerationMethod.QualityEnhancement })
        {
            foreach (var domain in new[] { BenchmarkDomain.Math, BenchmarkDomain.InstructionFollowing })
            {
                string lower = response.ToLowerInvariant();
                string? expectedLeak = GenerationValidator.LeakMarkers(method, domain).FirstOrDefault(m => lower.Contains(m, StringComparison.Ordinal));
                var rejection = GenerationValidator.Validate(method, domain, "An instruction", response);

                if (expectedLeak is null)
                {
                    Assert.True(rejection is null || rejection.Code != "placeholder-leak", $"{method}/{domain}: {rejection?.Message}");
                }
                else
                {
                    Assert.NotNull(rejection);
                    Assert.Equal("placeholder-leak", rejection.Code);
                    Assert.Contains($"'{expectedLeak}'", rejection.Message, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Validate_LengthCheck_CountsOnlyFromTheSameByteThreshold(int extra)
    {
        // The chat frame plus BOS puts a text of exactly maxTokens bytes at the threshold: one byte more must be
        // tokenized, one less must not, exactly as when the whole chat string was built to measure it.
        var counter = new CountingTokenCounter();
        string instruction = "é€ instruction";
        string frame = GenerationValidator.LengthCheckText(instruction, string.Empty);
        int threshold = 300;
        int responseBytes = threshold - 1 - System.Text.Encoding.UTF8.GetByteCount(frame) - 1 + extra;
        string response = "[RESULT] " + new string('x', responseBytes - "[RESULT]  [/RESULT]".Length) + " [/RESULT]";
        int totalBytes = System.Text.Encoding.UTF8.GetByteCount(GenerationValidator.LengthCheckText(instruction, response));

        GenerationValidator.Validate(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, instruction, response, counter, threshold);

        Assert.Equal(totalBytes + 1 > threshold, counter.Calls > 0);
        if (counter.Calls > 0)
        {
            Assert.Equal(GenerationValidator.LengthCheckText(instruction, response), counter.LastText);
        }
    }

    private static GenerationPrompt ReferenceInstanceGeneration(string template, IReadOnlyList<string> themes, SyntheticInstance[] seeds, SyntheticInstance[] generated, Random random, DemonstrationMode mode, PromptStyle style)
    {
        List<SyntheticInstance> demos;
        if (mode == DemonstrationMode.ReferenceCode)
        {
            int poolSize = seeds.Length + generated.Length;
            demos = [.. ReferenceSample(poolSize, Math.Min(2, poolSize), random).Select(i => i < seeds.Length ? seeds[i] : generated[i - seeds.Length]), seeds[random.Next(seeds.Length)]];
        }
        else
        {
            demos = [.. ReferenceSample(seeds.Length, Math.Min(2, seeds.Length), random).Select(i => seeds[i])];
            demos.Add(generated.Length > 0 ? generated[random.Next(generated.Length)] : seeds[random.Next(seeds.Length)]);
        }

        while (demos.Count < 3)
        {
            demos.Add(seeds[random.Next(seeds.Length)]);
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(demos));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < 3; i++)
        {
            values[$"<input{i + 1}>"] = style == PromptStyle.Json ? ReferenceJsonString(demos[i].Instruction) : demos[i].Instruction;
            values[$"<output{i + 1}>"] = style == PromptStyle.Json ? ReferenceJsonString(demos[i].Response) : demos[i].Response;
        }

        string? theme = null, firstWord = null;
        if (template.Contains("<input_theme>", StringComparison.Ordinal))
        {
            theme = themes[random.Next(themes.Count)];
            values["<input_theme>"] = theme;
        }

        if (template.Contains("<first_word>", StringComparison.Ordinal))
        {
            firstWord = GenerationThemes.FirstWords[random.Next(GenerationThemes.FirstWords.Count)];
            values["<first_word>"] = firstWord;
        }

        string text = ReferencePlaceholder.Replace(template, m => values.TryGetValue(m.Value, out var v) ? v : m.Value);
        return new GenerationPrompt(text, theme, firstWord, demos);
    }

    private static int[] ReferenceSample(int size, int count, Random random)
    {
        var swapped = new Dictionary<int, int>(count * 2);
        var picked = new int[count];
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, size);
            int atJ = swapped.GetValueOrDefault(j, j);
            swapped[j] = swapped.GetValueOrDefault(i, i);
            picked[i] = atJ;
        }

        return picked;
    }

    private static string ReferenceJsonString(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";

    private sealed class CountingTokenCounter : ITokenCounter
    {
        public int Calls { get; private set; }

        public string? LastText { get; private set; }

        public int CountTokens(string text)
        {
            Calls++;
            LastText = text;
            return text.Length;
        }
    }
}
