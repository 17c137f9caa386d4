using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgoraBench;

/// <summary>Fills meta-prompts: demonstrations, theme and trigger for instance generation; the seed pair for the other methods. Randomness comes only from the <see cref="Random"/> passed in, so a seed reproduces every prompt.</summary>
internal static partial class GenerationPromptBuilder
{
    private static System.Text.RegularExpressions.Regex Placeholder => PlaceholderRegex();

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

        List<SyntheticInstance> demos;
        if (mode == DemonstrationMode.ReferenceCode)
        {
            // The pool is the seeds followed by the instances generated so far, indexed without copying either.
            int poolSize = seeds.Count + generated.Count;
            demos = [.. Sample(poolSize, Math.Min(2, poolSize), random).Select(i => i < seeds.Count ? seeds[i] : generated[i - seeds.Count]), seeds[random.Next(seeds.Count)]];
        }
        else
        {
            demos = [.. Sample(seeds.Count, Math.Min(2, seeds.Count), random).Select(i => seeds[i])];
            demos.Add(generated.Count > 0 ? generated[random.Next(generated.Count)] : seeds[random.Next(seeds.Count)]);
        }

        while (demos.Count < 3)
        {
            demos.Add(seeds[random.Next(seeds.Count)]);
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(demos));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < 3; i++)
        {
            values[$"<input{i + 1}>"] = style == PromptStyle.Json ? JsonString(demos[i].Instruction) : demos[i].Instruction;
            values[$"<output{i + 1}>"] = style == PromptStyle.Json ? JsonString(demos[i].Response) : demos[i].Response;
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

        // One pass over the template, so text drawn in (a seed mentioning "<output2>") is never substituted again.
        string text = Placeholder.Replace(template, m => values.TryGetValue(m.Value, out var v) ? v : m.Value);
        return new GenerationPrompt(text, theme, firstWord, demos);
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
        string text = Placeholder.Replace(template, m => m.Value switch
        {
            "<input>" => seed.Instruction,
            "<output>" => seed.Response,
            _ => m.Value,
        });
        return new GenerationPrompt(text, null, null, [seed]);
    }

    // Draws count distinct indices below size, uniformly and in random order: the first steps of a Fisher-Yates
    // shuffle, remembering only the swapped positions, so a draw costs O(count) however large the seed file is.
    private static int[] Sample(int size, int count, Random random)
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

    private static string JsonString(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";

    [System.Text.RegularExpressions.GeneratedRegex("<(?:input|output)[123]?>|<input_theme>|<first_word>", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PlaceholderRegex();
}
