using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AgoraBench;

/// <summary>
/// Mean pairwise cosine similarity of N vectors in O(N·d): for unit vectors uᵢ with sum S, the sum over unordered pairs
/// of uᵢ·uⱼ is (|S|² − N) / 2, so no pair is ever visited. Also the mean cosine to the centroid, |S| / N.
/// </summary>
internal static class PairwiseCosine
{
    /// <summary>Sums the L2-normalised rows of a row-major matrix; rows of zero norm are skipped and counted.</summary>
    /// <remarks>
    /// Each row is widened to double once (the only pass over the large matrix); its norm and the scaled add then run
    /// on a cache-resident buffer, so small distances keep their precision.
    /// </remarks>
    public static (double[] Sum, int Count, List<int> ZeroRows) SumOfUnitVectors(ReadOnlySpan<float> matrix, int dimension)
    {
        int rows = matrix.Length / dimension;
        var accumulator = new Accumulator(dimension);
        for (int i = 0; i < rows; i++)
        {
            accumulator.Add(matrix.Slice(i * dimension, dimension), i);
        }

        return (accumulator.Total, accumulator.Count, accumulator.ZeroRows);
    }

    /// <summary>Sums the L2-normalised vectors of a list; vectors of zero norm (or of another length) are skipped and counted.</summary>
    public static (double[] Sum, int Count, List<int> ZeroRows) SumOfUnitVectors(IReadOnlyList<ReadOnlyMemory<float>> vectors, int dimension)
    {
        var accumulator = new Accumulator(dimension);
        for (int i = 0; i < vectors.Count; i++)
        {
            accumulator.Add(vectors[i].Span, i);
        }

        return (accumulator.Total, accumulator.Count, accumulator.ZeroRows);
    }

    /// <summary>The mean cosine similarity over all unordered pairs, from the sum of N unit vectors.</summary>
    public static double MeanPairwiseCosine(double[] sum, int count)
    {
        if (count < 2)
        {
            return double.NaN;
        }

        double squared = TensorPrimitives.SumOfSquares<double>(sum);
        return (squared - count) / ((double)count * (count - 1));
    }

    /// <summary>The mean cosine similarity of each unit vector to their centroid, |S| / N.</summary>
    public static double MeanCosineToCentroid(double[] sum, int count) =>
        count == 0 ? double.NaN : Math.Sqrt(TensorPrimitives.SumOfSquares<double>(sum)) / count;

    /// <summary>Mean pairwise cosine distance of a row-major matrix, the fast way.</summary>
    public static double MeanPairwiseDistance(ReadOnlySpan<float> matrix, int dimension)
    {
        var (sum, count, _) = SumOfUnitVectors(matrix, dimension);
        return 1 - MeanPairwiseCosine(sum, count);
    }

    /// <summary>Mean pairwise cosine distance visiting every pair (O(N²·d)); the reference the fast way is tested and benchmarked against.</summary>
    public static double NaiveMeanPairwiseDistance(ReadOnlySpan<float> matrix, int dimension)
    {
        int rows = matrix.Length / dimension;
        double total = 0;
        long pairs = 0;
        for (int i = 0; i < rows; i++)
        {
            var a = matrix.Slice(i * dimension, dimension);
            for (int j = i + 1; j < rows; j++)
            {
                total += 1 - TensorPrimitives.CosineSimilarity(a, matrix.Slice(j * dimension, dimension));
                pairs++;
            }
        }

        return total / pairs;
    }

    private sealed class Accumulator(int dimension)
    {
        public double[] Total { get; } = new double[dimension];

        public int Count { get; private set; }

        public List<int> ZeroRows { get; } = [];

        public void Add(ReadOnlySpan<float> row, int index)
        {
            if (row.Length != Total.Length)
            {
                ZeroRows.Add(index);
                return;
            }

            double norm = Math.Sqrt(SumOfSquaresWidened(row));
            if (!(norm > 0) || !double.IsFinite(norm))
            {
                ZeroRows.Add(index);
                return;
            }

            AddScaledWidened(row, 1 / norm, Total);
            Count++;
        }
    }

    /// <summary>Σ x² with each float widened to double: one pass over the row, double accumulation.</summary>
    internal static double SumOfSquaresWidened(ReadOnlySpan<float> x)
    {
        int i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<float>.Count)
        {
            ref float start = ref MemoryMarshal.GetReference(x);
            var a0 = Vector256<double>.Zero;
            var a1 = Vector256<double>.Zero;
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)i));
                a0 += lower * lower;
                a1 += upper * upper;
            }

            sum = Vector256.Sum(a0 + a1);
        }

        for (; i < x.Length; i++)
        {
            sum += (double)x[i] * x[i];
        }

        return sum;
    }

    /// <summary>total += x · scale, with x widened to double as it is read.</summary>
    internal static void AddScaledWidened(ReadOnlySpan<float> x, double scale, Span<double> total)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<float>.Count)
        {
            ref float source = ref MemoryMarshal.GetReference(x);
            ref double target = ref MemoryMarshal.GetReference(total);
            var factor = Vector256.Create(scale);
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref source, (nuint)i));
                (Vector256.LoadUnsafe(ref target, (nuint)i) + (lower * factor)).StoreUnsafe(ref target, (nuint)i);
                (Vector256.LoadUnsafe(ref target, (nuint)(i + Vector256<double>.Count)) + (upper * factor)).StoreUnsafe(ref target, (nuint)(i + Vector256<double>.Count));
            }
        }

        for (; i < x.Length; i++)
        {
            total[i] += x[i] * scale;
        }
    }
}
