using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgoraBench;

/// <summary>Fills meta-prompts: demonstrations, theme and trigger for instance generation; the seed pair for the other methods. Randomness comes only from the <see cref="Random"/> passed in, so a seed reproduces every prompt.</summary>
internal static class GenerationPromptBuilder
{
    /// <summary>Builds an instance-generation prompt.</summary>
    /// <param name="template">The template (see <see cref="MetaPrompts.Template"/>).</param>
    /// <param name="domain">The domain (selects themes; instruction following also draws a first word).</param>
    /// <param name="seeds">The seed instances (at least one).</param>
    /// <param name="generated">The instances accepted so far.</param>
    /// <param name="random">The seeded random source.</param>
    /// <param name="mode">How demonstrations are picked.</param>
    /// <param name="style">The prompt style (JSON encodes the demonstrations as JSON strings).</param>
    /// <returns>The prompt.</returns>
    public static GenerationPrompt InstanceGeneration(string template, BenchmarkDomain domain, IReadOnlyList<SyntheticInstance> seeds, IReadOnlyList<SyntheticInstance> generated, Random random, DemonstrationMode mode = DemonstrationMode.SeedAndGenerated, PromptStyle style = PromptStyle.Agora) =>
        InstanceGeneration(template, GenerationThemes.For(domain), seeds, generated, random, mode, style);

    /// <summary>Builds an instance-generation prompt whose <c>&lt;input_theme&gt;</c> is drawn from the given themes (a declared domain's own list).</summary>
    internal static GenerationPrompt InstanceGeneration(string template, IReadOnlyList<string> themes, IReadOnlyList<SyntheticInstance> seeds, IReadOnlyList<SyntheticInstance> generated, Random random, DemonstrationMode mode, PromptStyle style)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(random);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("At least one seed instance is required.", nameof(seeds));
        }

        // Exactly three demonstrations, drawn in a fixed order from the seeded source (so a seed reproduces the prompt).
        var demos = new SyntheticInstance[3];
        Span<int> picked = stackalloc int[2];
        int count;
        if (mode == DemonstrationMode.ReferenceCode)
        {
            // The pool is the seeds followed by the instances generated so far, indexed without copying either.
            int poolSize = seeds.Count + generated.Count;
            count = Sample(poolSize, Math.Min(2, poolSize), random, picked);
            for (int i = 0; i < count; i++)
            {
                demos[i] = picked[i] < seeds.Count ? seeds[picked[i]] : generated[picked[i] - seeds.Count];
            }

            demos[count++] = seeds[random.Next(seeds.Count)];
        }
        else
        {
            count = Sample(seeds.Count, Math.Min(2, seeds.Count), random, picked);
            for (int i = 0; i < count; i++)
            {
                demos[i] = seeds[picked[i]];
            }

            demos[count++] = generated.Count > 0 ? generated[random.Next(generated.Count)] : seeds[random.Next(seeds.Count)];
        }

        while (count < 3)
        {
            demos[count++] = seeds[random.Next(seeds.Count)];
        }

        random.Shuffle(demos.AsSpan());
        var parsed = PromptTemplate.For(template);
        var values = new string?[PromptTemplate.SlotCount];
        for (int i = 0; i < 3; i++)
        {
            values[PromptTemplate.Input1 + (2 * i)] = style == PromptStyle.Json ? JsonString(demos[i].Instruction) : demos[i].Instruction;
            values[PromptTemplate.Input1 + (2 * i) + 1] = style == PromptStyle.Json ? JsonString(demos[i].Response) : demos[i].Response;
        }

        string? theme = null, firstWord = null;
        if (parsed.Uses(PromptTemplate.Theme))
        {
            theme = themes[random.Next(themes.Count)];
            values[PromptTemplate.Theme] = theme;
        }

        if (parsed.Uses(PromptTemplate.FirstWord))
        {
            firstWord = GenerationThemes.FirstWords[random.Next(GenerationThemes.FirstWords.Count)];
            values[PromptTemplate.FirstWord] = firstWord;
        }

        // One pass over the template, so text drawn in (a seed mentioning "<output2>") is never substituted again.
        return new GenerationPrompt(parsed.Fill(values), theme, firstWord, demos);
    }

    /// <summary>Builds a response-generation or quality-enhancement prompt for one seed instance.</summary>
    /// <param name="template">The template.</param>
    /// <param name="seed">The seed instance.</param>
    /// <returns>The prompt.</returns>
    public static GenerationPrompt ForSeed(string template, SyntheticInstance seed)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(seed);

        // One pass, so a seed that itself contains "<output>" is not substituted twice.
        var values = new string?[PromptTemplate.SlotCount];
        values[PromptTemplate.Input] = seed.Instruction;
        values[PromptTemplate.Output] = seed.Response;
        string text = PromptTemplate.For(template).Fill(values);
        return new GenerationPrompt(text, null, null, [seed]);
    }

    // Draws count distinct indices below size into picked, uniformly and in random order: the first steps of a
    // Fisher-Yates shuffle, remembering only the swapped positions (at most two per step, looked up linearly), so a
    // draw costs O(count^2) however large the seed file is and allocates nothing.
    private static int Sample(int size, int count, Random random, Span<int> picked)
    {
        Span<int> keys = stackalloc int[2 * count];
        Span<int> slots = stackalloc int[2 * count];
        int used = 0;
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, size);
            int atJ = Lookup(keys[..used], slots, j);
            int atI = Lookup(keys[..used], slots, i);
            int where = keys[..used].IndexOf(j);
            if (where < 0)
            {
                where = used++;
                keys[where] = j;
            }

            slots[where] = atI;
            picked[i] = atJ;
        }

        return count;
    }

    private static int Lookup(ReadOnlySpan<int> keys, ReadOnlySpan<int> slots, int position)
    {
        int where = keys.IndexOf(position);
        return where < 0 ? position : slots[where];
    }

    private static string JsonString(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";
}
