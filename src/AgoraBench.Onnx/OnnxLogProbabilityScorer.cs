using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace AgoraBench.Onnx;

/// <summary>
/// An <see cref="ITokenLogProbabilityScorer"/> over a causal language model exported to ONNX: the context and the
/// continuation are tokenized separately (so the boundary is exact), run through the model in one pass, and each
/// continuation token's log-probability is read from the log-softmax of the logits at the position before it.
/// </summary>
/// <remarks>
/// The model takes <c>input_ids</c> (int64, [batch, sequence]) and optionally <c>attention_mask</c> and
/// <c>position_ids</c>, and returns logits [batch, sequence, vocabulary] (the output named <c>logits</c>, else the
/// first). Models with KV-cache inputs (<c>past_key_values.*</c>) are rejected with a message; export with
/// <c>use_cache=False</c>. Each sequence is scored alone, so there is no padding to mask.
/// </remarks>
public sealed class OnnxLogProbabilityScorer : ITokenLogProbabilityScorer, IDisposable
{
    private readonly InferenceSession _session;
    private readonly Tokenizer _tokenizer;
    private readonly OnnxLogProbabilityScorerOptions _options;
    private readonly string _outputName;
    private readonly bool _wantsMask;
    private readonly bool _wantsPositions;
    private readonly SemaphoreSlim _gate;

    /// <summary>Initializes a new instance of the <see cref="OnnxLogProbabilityScorer"/> class.</summary>
    /// <param name="session">The ONNX Runtime session of the model; disposed with the scorer.</param>
    /// <param name="tokenizer">The model's tokenizer.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The model's inputs or outputs do not fit a causal LM without KV cache; the message lists them.</exception>
    public OnnxLogProbabilityScorer(InferenceSession session, Tokenizer tokenizer, OnnxLogProbabilityScorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(tokenizer);
        _session = session;
        _tokenizer = tokenizer;
        _options = OnnxLogProbabilityScorerOptionsValidator.Instance.ThrowIfInvalid(options ?? new OnnxLogProbabilityScorerOptions(), nameof(options));
        var inputs = session.InputMetadata.Keys.ToArray();
        var unsupported = inputs.Where(n => n is not ("input_ids" or "attention_mask" or "position_ids")).ToArray();
        if (!inputs.Contains("input_ids") || unsupported.Length > 0)
        {
            throw new ArgumentException(
                $"The model's inputs are {string.Join(", ", inputs)}; a causal LM with input_ids (and optionally attention_mask, position_ids) and no KV-cache inputs is required. Export it with use_cache=False.",
                nameof(session));
        }

        _wantsMask = inputs.Contains("attention_mask");
        _wantsPositions = inputs.Contains("position_ids");
        _outputName = session.OutputMetadata.ContainsKey("logits") ? "logits" : session.OutputMetadata.Keys.First();
        _gate = new SemaphoreSlim(_options.Concurrency);
    }

    /// <summary>
    /// Opens a model folder: <c>model.onnx</c>, and a tokenizer from <c>tokenizer.model</c> (SentencePiece, as Llama 2
    /// and many others ship) or <c>vocab.json</c> + <c>merges.txt</c> (BPE).
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="FileNotFoundException">A required file is missing; the message lists what the folder needs.</exception>
    public static OnnxLogProbabilityScorer FromDirectory(string directory, OnnxLogProbabilityScorerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options = OnnxLogProbabilityScorerOptionsValidator.Instance.ThrowIfInvalid(options ?? new OnnxLogProbabilityScorerOptions(), nameof(options));
        string model = Path.Combine(directory, "model.onnx");
        if (!File.Exists(model))
        {
            throw new FileNotFoundException($"{model} is missing; the folder needs model.onnx and tokenizer.model or vocab.json + merges.txt.", model);
        }

        Tokenizer tokenizer;
        if (File.Exists(Path.Combine(directory, "tokenizer.model")))
        {
            using var stream = File.OpenRead(Path.Combine(directory, "tokenizer.model"));
            tokenizer = LlamaTokenizer.Create(stream, addBeginOfSentence: false, addEndOfSentence: false, specialTokens: null);
        }
        else if (File.Exists(Path.Combine(directory, "vocab.json")) && File.Exists(Path.Combine(directory, "merges.txt")))
        {
            tokenizer = BpeTokenizer.Create(Path.Combine(directory, "vocab.json"), Path.Combine(directory, "merges.txt"));
        }
        else
        {
            throw new FileNotFoundException($"No tokenizer in {directory}: add tokenizer.model or vocab.json + merges.txt.");
        }

        return new OnnxLogProbabilityScorer(new InferenceSession(model), tokenizer, options);
    }

    /// <inheritdoc />
    public async Task<TokenLogProbabilities> ScoreAsync(string context, string continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var contextIds = new List<int>();
        if (_options.BeginningOfSequenceId is int bos)
        {
            contextIds.Add(bos);
        }

        contextIds.AddRange(_tokenizer.EncodeToIds(context));
        var continuationIds = _tokenizer.EncodeToIds(continuation);
        if (continuationIds.Count == 0)
        {
            return new TokenLogProbabilities([], contextIds.Count);
        }

        if (continuationIds.Count >= _options.MaxSequenceLength)
        {
            throw new InvalidDataException($"The continuation has {continuationIds.Count} tokens; at most {_options.MaxSequenceLength - 1} fit.");
        }

        int keep = Math.Min(contextIds.Count, _options.MaxSequenceLength - continuationIds.Count);
        if (keep == 0)
        {
            throw new InvalidDataException("The continuation needs at least one context token before it (set BeginningOfSequenceId).");
        }

        long[] ids = [.. contextIds.Skip(contextIds.Count - keep).Concat(continuationIds).Select(i => (long)i)];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new TokenLogProbabilities(Run(ids, keep), ids.Length);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _gate.Dispose();
    }

    private double[] Run(long[] ids, int boundary)
    {
        int length = ids.Length;
        var inputs = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [1, length])) };
        if (_wantsMask)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, length).ToArray(), [1, length])));
        }

        if (_wantsPositions)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("position_ids", new DenseTensor<long>(Enumerable.Range(0, length).Select(i => (long)i).ToArray(), [1, length])));
        }

        using var results = _session.Run(inputs, [_outputName]);
        var logits = results[0].AsTensor<float>();
        var dims = logits.Dimensions.ToArray();
        if (dims.Length != 3 || dims[1] != length)
        {
            throw new InvalidDataException($"The model returned logits of shape [{string.Join(", ", dims)}]; [1, {length}, vocabulary] was expected.");
        }

        int vocabulary = dims[2];
        float[] all = logits is DenseTensor<float> dense ? dense.Buffer.ToArray() : [.. logits];
        var output = new double[length - boundary];
        for (int position = boundary; position < length; position++)
        {
            var row = all.AsSpan((position - 1) * vocabulary, vocabulary);
            long token = ids[position];
            if (token < 0 || token >= vocabulary)
            {
                throw new InvalidDataException($"Token id {token} is outside the model's vocabulary of {vocabulary}.");
            }

            float max = TensorPrimitives.Max(row);
            double sum = 0;
            foreach (float value in row)
            {
                sum += Math.Exp(value - max);
            }

            output[position - boundary] = row[(int)token] - max - Math.Log(sum);
        }

        return output;
    }
}
