using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace AgoraBench.Benchmarks;

/// <summary>
/// Response/instruction diversity (mean pairwise cosine distance) of N × 1,024 float embeddings: the O(N·d) sum-of-unit-
/// vectors algorithm against the naive loop over all N(N−1)/2 pairs, at N = 5,000.
/// </summary>
[MemoryDiagnoser]
public class DiversityVersusNaiveBenchmark
{
    private const int Dimension = 1024;
    private float[] _data = [];

    [Params(5_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _data = DiversityData.Create(N, Dimension);

    [Benchmark(Baseline = true)]
    public double NaivePairwise() => PairwiseCosine.NaiveMeanPairwiseDistance(_data, Dimension);

    [Benchmark]
    public double SumOfUnitVectors() => PairwiseCosine.MeanPairwiseDistance(_data, Dimension);
}

/// <summary>
/// The O(N·d) diversity at N = 50,000 × 1,024 (205 MB of embeddings) against one TensorPrimitives pass (a sum) over the
/// same memory: the floor any algorithm that reads every value must pay.
/// </summary>
[MemoryDiagnoser]
public class DiversityScalingBenchmark
{
    private const int Dimension = 1024;
    private float[] _data = [];

    [Params(50_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _data = DiversityData.Create(N, Dimension);

    [Benchmark(Baseline = true)]
    public float OneTensorPrimitivesPass() => TensorPrimitives.Sum<float>(_data);

    [Benchmark]
    public double SumOfUnitVectors() => PairwiseCosine.MeanPairwiseDistance(_data, Dimension);
}

internal static class DiversityData
{
    public static float[] Create(int n, int dimension)
    {
        var random = new Random(42);
        var data = new float[n * dimension];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)(random.NextDouble() - 0.3);
        }

        return data;
    }
}
