using System.Numerics.Tensors;

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
        private readonly double[] _row = new double[dimension];

        public double[] Total { get; } = new double[dimension];

        public int Count { get; private set; }

        public List<int> ZeroRows { get; } = [];

        public void Add(ReadOnlySpan<float> row, int index)
        {
            if (row.Length != _row.Length)
            {
                ZeroRows.Add(index);
                return;
            }

            TensorPrimitives.ConvertChecked<float, double>(row, _row);
            double norm = TensorPrimitives.Norm<double>(_row);
            if (!(norm > 0) || !double.IsFinite(norm))
            {
                ZeroRows.Add(index);
                return;
            }

            TensorPrimitives.MultiplyAdd<double>(_row, 1 / norm, Total, Total);
            Count++;
        }
    }
}
