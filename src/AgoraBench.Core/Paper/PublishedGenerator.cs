namespace AgoraBench;

/// <summary>A generator evaluated in the paper, with its API prices and summary scores as printed in Table 3.</summary>
public sealed class PublishedGenerator
{
    internal PublishedGenerator(string name, string modelId, double inputUsdPerMillionTokens, double outputUsdPerMillionTokens, double problemSolvingAverage, double overallPgr)
    {
        Name = name;
        ModelId = modelId;
        InputUsdPerMillionTokens = inputUsdPerMillionTokens;
        OutputUsdPerMillionTokens = outputUsdPerMillionTokens;
        ProblemSolvingAverage = problemSolvingAverage;
        OverallPgr = overallPgr;
    }

    /// <summary>Gets the name the paper prints, for example <c>GPT-4o</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the model identifier the paper names, for example <c>gpt-4o-2024-08-06</c>.</summary>
    public string ModelId { get; }

    /// <summary>Gets the API price of input tokens in USD per million tokens (openrouter.ai, as printed).</summary>
    public double InputUsdPerMillionTokens { get; }

    /// <summary>Gets the API price of output tokens in USD per million tokens.</summary>
    public double OutputUsdPerMillionTokens { get; }

    /// <summary>Gets the printed average of the generator's six benchmark scores (Table 7 "Average").</summary>
    public double ProblemSolvingAverage { get; }

    /// <summary>Gets the printed AGORABENCH average PGR (Table 3), rounded to one decimal.</summary>
    public double OverallPgr { get; }
}
