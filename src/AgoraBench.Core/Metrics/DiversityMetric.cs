using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// Instruction or response diversity: the mean pairwise cosine distance of the texts' embeddings (or, as an option,
/// their mean distance to the centroid), computed exactly in O(N·d) with SIMD.
/// </summary>
/// <remarks>
/// Any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> works; requests are batched and run concurrently. Empty
/// texts, failed batches and zero vectors are left out and recorded as diagnostics. The paper uses
/// <c>dunzhang/stella_en_400M_v5</c> embeddings.
/// </remarks>
public sealed class DiversityMetric : IIntrinsicMetric
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly DiversityTarget _target;
    private readonly DiversityMetricOptions _options;

    /// <summary>Initializes a new instance of the <see cref="DiversityMetric"/> class.</summary>
    /// <param name="generator">The embedding generator.</param>
    /// <param name="target">Which text to embed.</param>
    /// <param name="concurrency">How many embedding batches are requested at once (at least 1).</param>
    /// <exception cref="ArgumentException"><paramref name="concurrency"/> is less than 1.</exception>
    public DiversityMetric(IEmbeddingGenerator<string, Embedding<float>> generator, DiversityTarget target, int concurrency = 4)
        : this(generator, target, new DiversityMetricOptions { Concurrency = concurrency })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DiversityMetric"/> class.</summary>
    /// <param name="generator">The embedding generator.</param>
    /// <param name="target">Which text to embed.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    internal DiversityMetric(IEmbeddingGenerator<string, Embedding<float>> generator, DiversityTarget target, DiversityMetricOptions? options)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
        _target = target;
        _options = DiversityMetricOptionsValidator.Instance.ThrowIfInvalid(options ?? new DiversityMetricOptions(), nameof(options));
    }

    /// <inheritdoc />
    public string Name => _target == DiversityTarget.Instruction ? IntrinsicMetricNames.InstructionDiversity : IntrinsicMetricNames.ResponseDiversity;

    /// <inheritdoc />
    public async ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var diagnostics = new List<MetricDiagnostic>();
        var indices = new List<int>();
        for (int i = 0; i < instances.Count; i++)
        {
            string text = _target == DiversityTarget.Instruction ? instances[i].Instruction : instances[i].Response;
            if (string.IsNullOrWhiteSpace(text))
            {
                diagnostics.Add(new MetricDiagnostic(i, _target == DiversityTarget.Instruction ? "empty-instruction" : "empty-response", "the text is empty; it is not embedded"));
            }
            else
            {
                indices.Add(i);
            }
        }

        var vectors = new ReadOnlyMemory<float>?[instances.Count];
        long requests = 0, tokens = 0;
        using var gate = new SemaphoreSlim(_options.Concurrency);
        var batches = indices.Chunk(_options.BatchSize).Select(async batch =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var texts = batch.Select(i => _target == DiversityTarget.Instruction ? instances[i].Instruction : instances[i].Response).ToArray();
                var embeddings = await _generator.GenerateAsync(texts, _options.EmbeddingOptions, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref requests);
                Interlocked.Add(ref tokens, embeddings.Usage?.InputTokenCount ?? 0);
                if (embeddings.Count != batch.Length)
                {
                    lock (diagnostics)
                    {
                        diagnostics.AddRange(batch.Select(i => new MetricDiagnostic(i, "request-failed", $"the embedding request returned {embeddings.Count} vectors for {batch.Length} texts")));
                    }

                    return;
                }

                for (int k = 0; k < batch.Length; k++)
                {
                    vectors[batch[k]] = embeddings[k].Vector;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref requests);
                lock (diagnostics)
                {
                    diagnostics.AddRange(batch.Select(i => new MetricDiagnostic(i, "request-failed", $"embedding failed: {ex.GetType().Name}: {ex.Message}")));
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(batches).ConfigureAwait(false);

        var present = Enumerable.Range(0, instances.Count).Where(i => vectors[i] is not null).ToList();
        int dimension = present.Count == 0 ? 0 : present.GroupBy(i => vectors[i]!.Value.Length).MaxBy(g => g.Count())!.Key;
        foreach (int i in present.Where(i => vectors[i]!.Value.Length != dimension).ToArray())
        {
            diagnostics.Add(new MetricDiagnostic(i, "dimension-mismatch", $"the embedding has {vectors[i]!.Value.Length} dimensions, not {dimension}"));
            present.Remove(i);
        }

        var (sum, count, zero) = PairwiseCosine.SumOfUnitVectors([.. present.Select(i => vectors[i]!.Value)], dimension);
        diagnostics.AddRange(zero.Select(z => new MetricDiagnostic(present[z], "zero-vector", "the embedding has zero length")));
        diagnostics = [.. diagnostics.OrderBy(d => d.Index ?? -1)];
        var usage = new MetricUsage(requests, tokens, 0);
        int failed = instances.Count - count;
        if (count < 2)
        {
            diagnostics.Add(new MetricDiagnostic(null, "too-few-items", $"diversity needs at least 2 embedded texts; there are {count}"));
            return new IntrinsicMetricResult(name: Name, count: count, failed: failed, diagnostics: diagnostics, usage: usage);
        }

        double pairwise = 1 - PairwiseCosine.MeanPairwiseCosine(sum, count);
        double centroid = 1 - PairwiseCosine.MeanCosineToCentroid(sum, count);
        return new IntrinsicMetricResult(
            name: Name,
            value: _options.Measure == DiversityMeasure.DistanceToCentroid ? centroid : pairwise,
            count: count,
            failed: failed,
            details: new Dictionary<string, double> { ["mean_pairwise_distance"] = pairwise, ["distance_to_centroid"] = centroid, ["dimension"] = dimension },
            diagnostics: diagnostics,
            usage: usage);
    }
}
