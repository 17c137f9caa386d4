using System.Numerics.Tensors;

namespace AgoraBench;

/// <summary>
/// Mean pairwise cosine similarity of N vectors in O(N·d): for unit vectors uᵢ with sum S, the sum over unordered pairs
/// of uᵢ·uⱼ is (|S|² − N) / 2, so no pair is ever visited. Also the mean cosine to the centroid, |S| / N.
/// </summary>
internal static class PairwiseCosine
{
    private const int Block = 256;

    /// <summary>Sums the L2-normalised rows of a row-major matrix; rows of zero norm are skipped and counted.</summary>
    public static (double[] Sum, int Count, List<int> ZeroRows) SumOfUnitVectors(ReadOnlySpan<float> matrix, int dimension)
    {
        int rows = matrix.Length / dimension;
        var total = new double[dimension];
        var partial = new float[dimension];
        var zero = new List<int>();
        int inBlock = 0, count = 0;
        for (int i = 0; i < rows; i++)
        {
            var row = matrix.Slice(i * dimension, dimension);
            float norm = TensorPrimitives.Norm(row);
            if (!(norm > 0) || !float.IsFinite(norm))
            {
                zero.Add(i);
                continue;
            }

            TensorPrimitives.MultiplyAdd(row, 1f / norm, partial, partial);
            count++;
            if (++inBlock == Block)
            {
                Flush(partial, total);
                inBlock = 0;
            }
        }

        Flush(partial, total);
        return (total, count, zero);
    }

    /// <summary>Sums the L2-normalised vectors of a list; vectors of zero norm are skipped and counted.</summary>
    public static (double[] Sum, int Count, List<int> ZeroRows) SumOfUnitVectors(IReadOnlyList<ReadOnlyMemory<float>> vectors, int dimension)
    {
        var total = new double[dimension];
        var partial = new float[dimension];
        var zero = new List<int>();
        int inBlock = 0, count = 0;
        for (int i = 0; i < vectors.Count; i++)
        {
            var row = vectors[i].Span;
            float norm = row.Length == dimension ? TensorPrimitives.Norm(row) : 0;
            if (!(norm > 0) || !float.IsFinite(norm))
            {
                zero.Add(i);
                continue;
            }

            TensorPrimitives.MultiplyAdd(row, 1f / norm, partial, partial);
            count++;
            if (++inBlock == Block)
            {
                Flush(partial, total);
                inBlock = 0;
            }
        }

        Flush(partial, total);
        return (total, count, zero);
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

    private static void Flush(float[] partial, double[] total)
    {
        for (int k = 0; k < partial.Length; k++)
        {
            total[k] += partial[k];
        }

        Array.Clear(partial);
    }
}
