using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>Options of <see cref="JudgeMetric"/>.</summary>
internal sealed class JudgeMetricOptions
{
    /// <summary>Gets or sets how many times an item is asked (the first request plus re-asks after an unparsable answer or a request that failed in passing; a refusal is never re-asked).</summary>
    /// <value>The default value is 3.</value>
    internal int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets how many judge requests run at once.</summary>
    /// <value>The default value is 8.</value>
    public int Concurrency { get; set; } = 8;

    /// <summary>Gets or sets the judge's sampling options.</summary>
    /// <value>The default value is Prometheus's defaults: temperature 1.0, top_p 0.9, 1,024 output tokens.</value>
    internal ChatOptions ChatOptions { get; set; } = new() { Temperature = 1.0f, TopP = 0.9f, MaxOutputTokens = 1024 };

    /// <summary>Gets or sets a rubric to use instead of the built-in one, or <see langword="null"/>.</summary>
    internal string? Rubric { get; set; }

    /// <summary>Gets or sets a grading template to use instead of the built-in one (it must contain <c>{instruction}</c>, <c>{response}</c> and <c>{rubric}</c>), or <see langword="null"/>.</summary>
    internal string? Template { get; set; }

    /// <summary>Gets or sets the clock of the waits a server's <c>Retry-After</c> asks for (a fake one in tests).</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
