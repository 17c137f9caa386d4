namespace AgoraBench;

/// <summary>
/// Keeps secrets out of everything a run writes: the values of every API-key variable the plan (or a trained student)
/// names are replaced by <c>***</c> in messages, logs and records. A defence in depth: nothing the runner writes holds
/// a key by design.
/// </summary>
internal sealed class SecretRedactor
{
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
    }

    /// <summary>Adds the value of an environment variable (a student's key variable, say) to the secrets.</summary>
    public void AddVariable(string? variable)
    {
        if (variable is null || _environment(variable) is not { Length: >= 6 } value)
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
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
