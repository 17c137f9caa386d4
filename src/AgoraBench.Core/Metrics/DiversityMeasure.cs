namespace AgoraBench;

/// <summary>How a diversity metric turns embeddings into one number.</summary>
internal enum DiversityMeasure
{
    /// <summary>The mean cosine distance (1 − cosine) over all unordered pairs: the paper's "c-dist" as the spec recommends.</summary>
    MeanPairwiseDistance = 0,

    /// <summary>The mean cosine distance of each embedding to the centroid of all of them.</summary>
    DistanceToCentroid = 1,
}
