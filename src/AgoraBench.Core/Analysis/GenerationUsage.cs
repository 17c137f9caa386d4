namespace AgoraBench;

/// <summary>Token usage measured while a generator produced data (as reported by the endpoint).</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Instances">The number of accepted instances the tokens bought.</param>
/// <param name="InputTokens">Input tokens over all requests, rejected attempts included.</param>
/// <param name="OutputTokens">Output tokens over all requests, rejected attempts included.</param>
internal sealed record GenerationUsage(string Generator, long Instances, long InputTokens, long OutputTokens);
