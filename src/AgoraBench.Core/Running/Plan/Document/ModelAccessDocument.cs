using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>How a plan file reaches a model, apart from the model's id: the keys every endpoint shares.</summary>
internal abstract record ModelAccessDocument
{
    private static readonly ModelEndpoint Defaults = new() { Model = string.Empty };

    [Description("An OpenAI-compatible base URL ending in /v1 (vLLM, Ollama, LM Studio, Azure OpenAI); omit for OpenAI. ${VAR} is expanded.")]
    public string? Endpoint { get; set; }

    [MinimumLength(1)]
    [UniqueItems]
    [Description("Base URLs of several replicas of the model (vLLM or Ollama servers): calls are balanced by least outstanding requests, concurrency per replica, and a failing replica is ejected until it answers again. ${VAR} is expanded.")]
    public List<string>? Replicas { get; set; }

    [AllowedValues("online", "batch")]
    [Description("online, or batch: the provider's batch API (OpenAI, Azure OpenAI) at half the price, answers within 24 h; the run waits, and resumes after a restart without paying twice.")]
    public string Backend { get; set; } = "online";

    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]*$", ErrorMessage = "must be the name of an environment variable (letters, digits, _), not a key")]
    [Description("The environment variable holding the API key (never the key itself). Default OPENAI_API_KEY on OpenAI, none elsewhere.")]
    public string? ApiKeyEnv { get; set; }

    public PriceDocument? Price { get; set; }

    [Description("Encoding for estimates: o200k_base, cl100k_base, or the path of a Llama-3 tokenizer.model. Default: chosen by model name.")]
    public string? Tokenizer { get; set; }

    [Range(1, int.MaxValue)]
    [Description("Requests in flight to this model.")]
    public int Concurrency { get; set; } = Defaults.Concurrency;

    [Range(1, int.MaxValue)]
    [Description("A requests-per-minute limit.")]
    public int? RequestsPerMinute { get; set; }

    [Range(1, int.MaxValue)]
    [Description("A tokens-per-minute limit (input plus output).")]
    public int? TokensPerMinute { get; set; }

    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    [Description("Seconds before one request is abandoned and retried.")]
    public double TimeoutSeconds { get; set; } = Defaults.Timeout.TotalSeconds;
}
