namespace AgoraBench;

/// <summary>Options of <see cref="HuggingFaceHub"/>.</summary>
internal sealed class HuggingFaceHubOptions
{
    /// <summary>Gets or sets the Hub's base URL.</summary>
    /// <value>The default value is <c>https://huggingface.co</c>.</value>
    public Uri Endpoint { get; set; } = new("https://huggingface.co");

    /// <summary>Gets or sets the datasets-server's base URL.</summary>
    /// <value>The default value is <c>https://datasets-server.huggingface.co</c>.</value>
    public Uri DatasetsServer { get; set; } = new("https://datasets-server.huggingface.co");

    /// <summary>Gets or sets the cache folder.</summary>
    /// <value>The default value is <c>~/.cache/agorabench/huggingface</c>.</value>
    public string CacheDirectory { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "agorabench", "huggingface");

    /// <summary>Gets or sets a value indicating whether the network is never used (only the cache). <c>HF_HUB_OFFLINE=1</c> also turns it on.</summary>
    public bool Offline { get; set; } = Environment.GetEnvironmentVariable("HF_HUB_OFFLINE") is "1" or "true";

    /// <summary>Gets or sets the environment variable holding an access token for gated datasets.</summary>
    /// <value>The default value is <c>HF_TOKEN</c>.</value>
    public string TokenEnvironmentVariable { get; set; } = "HF_TOKEN";

    /// <summary>Gets or sets how many rows one datasets-server request asks for (its maximum is 100).</summary>
    /// <value>The default value is 100.</value>
    public int PageSize { get; set; } = 100;
}
