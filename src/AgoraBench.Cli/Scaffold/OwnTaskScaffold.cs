using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgoraBench.Cli.Scaffold;

/// <summary>
/// The files of a new own-task study: the sample in <c>samples/own-task</c> (a shop database, seeds, test questions
/// with executable checks, three meta-prompts, a judge rubric, a training script and a README), embedded in the tool
/// at build time so there is one copy. With another domain name, the plan's domain, settings, seeds and templates are
/// renamed; the files stay those of the sample, ready to be replaced by the user's own.
/// </summary>
internal static partial class OwnTaskScaffold
{
    /// <summary>The domain the sample declares.</summary>
    public const string SampleDomain = "sql";

    private const string ResourcePrefix = "Scaffold/";

    // The paper's domains (and their aliases) are built in; a scaffold declares a domain of its own.
    private static readonly string[] BuiltInDomains = ["math", "code", "instruction-following", "inst-following", "general", "if"];

    /// <summary>The relative paths (with <c>/</c>) and contents of the scaffold's files.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Files()
    {
        var assembly = typeof(OwnTaskScaffold).Assembly;
        var files = new List<(string, byte[])>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files.Add((name[ResourcePrefix.Length..].Replace('\\', '/'), memory.ToArray()));
        }

        return files;
    }

    /// <summary>Checks a domain name: lower-case words joined by hyphens, not one of the paper's built-in domains.</summary>
    /// <returns>The problem, or <see langword="null"/> when the name is usable.</returns>
    public static string? CheckDomain(string domain)
    {
        if (!DomainPattern().IsMatch(domain))
        {
            return $"--domain '{domain}' is not a usable name: use lower-case letters and digits, words joined by '-' (for example legal-qa).";
        }

        return BuiltInDomains.Contains(domain, StringComparer.Ordinal)
            ? $"--domain '{domain}' is one of the paper's built-in domains (math, code, instruction-following); choose a name for your own task."
            : null;
    }

    /// <summary>The sample's plan with its domain renamed (the plan's name follows: <c>&lt;domain&gt;-study</c>).</summary>
    public static string RenameDomain(string planJson, string domain)
    {
        if (domain == SampleDomain)
        {
            return planJson;
        }

        var plan = JsonNode.Parse(planJson)!.AsObject();
        plan["name"] = domain + "-study";
        plan["domains"] = RenameKeys(plan["domains"]!.AsObject(), domain);
        plan["settings"] = new JsonArray([.. plan["settings"]!.AsArray().Select(s => (JsonNode?)JsonValue.Create(Rename(s!.GetValue<string>(), domain)))]);
        plan["seeds"] = RenameKeys(plan["seeds"]!.AsObject(), domain);
        var generation = plan["generation"]!.AsObject();
        generation["templates"] = RenameKeys(generation["templates"]!.AsObject(), domain);
        return plan.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject RenameKeys(JsonObject source, string domain) =>
        new(source.Select(p => KeyValuePair.Create(Rename(p.Key, domain), p.Value?.DeepClone())));

    // "sql" → domain; "instance-generation/sql" → "instance-generation/<domain>".
    private static string Rename(string key, string domain)
    {
        if (key == SampleDomain)
        {
            return domain;
        }

        return key.EndsWith("/" + SampleDomain, StringComparison.Ordinal) ? key[..^SampleDomain.Length] + domain : key;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex DomainPattern();
}
