using System.Collections;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// Keeps secrets out of everything a run writes (the plan's copy, the manifest, <c>run.log</c>, step records, the
/// trainer's <c>progress.log</c> and output, reports): every writer passes its text through <see cref="Redact"/>.
/// </summary>
/// <remarks>
/// A secret is the value of: every API-key variable the plan (or a trained student) names; every environment variable
/// whose name looks like a credential (<c>HF_TOKEN</c>, <c>WANDB_API_KEY</c>, <c>*_API_KEY</c>, <c>*_TOKEN</c>,
/// <c>*_SECRET</c>, <c>*_PASSWORD</c>…), in the process or in <c>training.environment</c>; and every variable the user
/// names in <c>AGORABENCH_SECRETS</c> (comma-separated). Besides those values, URL user information
/// (<c>https://user:pass@host</c>) and key-like query parameters (<c>api-key</c>, <c>key</c>, <c>token</c>, <c>sig</c>…)
/// are replaced by <c>***</c> wherever they appear.
/// </remarks>
internal sealed partial class SecretRedactor
{
    /// <summary>The environment variable in which a user lists more variables whose values are secret.</summary>
    public const string MarkVariable = "AGORABENCH_SECRETS";

    private const string Mask = "***";
    private readonly Func<string, string?> _environment;
    private readonly object _gate = new();
    private string[] _secrets = [];

    public SecretRedactor(AgoraBenchPlan plan, Func<string, string?> environment)
    {
        _environment = environment;
        var endpoints = plan.Generators.Select(g => g.Endpoint)
            .Concat([plan.Metrics.Judge, plan.Metrics.Embedding, plan.Metrics.Perplexity, plan.Evaluation.Base, plan.Evaluation.Reference, plan.Evaluation.Judge, plan.Training.Api])
            .OfType<ModelEndpoint>();
        foreach (string variable in endpoints.Select(e => e.KeyVariable()).Append("OPENAI_API_KEY").OfType<string>())
        {
            AddVariable(variable);
        }

        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && IsSecretName(name))
            {
                AddVariable(name);
            }
        }

        foreach (string name in (environment(MarkVariable) ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddVariable(name);
        }

        foreach (var (name, value) in plan.Training.Environment)
        {
            if (IsSecretName(name))
            {
                AddValue(value);
            }
        }
    }

    /// <summary>Whether a variable's name says it holds a credential (an API key, a token, a secret, a password).</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>Adds the value of an environment variable (a student's key variable, say) to the secrets.</summary>
    public void AddVariable(string? variable)
    {
        if (variable is not null)
        {
            AddValue(_environment(variable));
        }
    }

    /// <summary>Adds a secret value (values shorter than six characters are too common to mask).</summary>
    public void AddValue(string? value)
    {
        if (value is not { Length: >= 6 } || value.StartsWith('$'))
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(value, StringComparer.Ordinal))
            {
                _secrets = [.. _secrets.Append(value).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Redact(string text)
    {
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = UserInfo().Replace(text, "$1" + Mask + "@");
        return KeyQuery().Replace(text, "$1" + Mask);
    }

    [GeneratedRegex(@"(?:^|_)(?:API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|KEY|SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?|AUTH)(?:$|_)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    // scheme://user[:password]@ — the user information of a URL.
    [GeneratedRegex(@"\b([a-z][a-z0-9+.\-]*://)[^/\s@""'<>]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // ?api-key=…, &token=…, &sig=… — query parameters that carry credentials.
    [GeneratedRegex(@"([?&;](?:api[-_]?key|apikey|x-api-key|key|token|access[-_]?token|auth|sig|signature|secret|password|pass)=)[^&#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyQuery();
}
