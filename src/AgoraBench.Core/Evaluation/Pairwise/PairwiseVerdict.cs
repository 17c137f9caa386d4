namespace AgoraBench;

/// <summary>A pairwise judge's verdict on answers A and B (Arena-Hard's five labels).</summary>
internal enum PairwiseVerdict
{
    /// <summary><c>[[A&gt;&gt;B]]</c>: A is significantly better.</summary>
    AMuchBetter = 0,

    /// <summary><c>[[A&gt;B]]</c>: A is slightly better.</summary>
    ABetter = 1,

    /// <summary><c>[[A=B]]</c>: a tie.</summary>
    Tie = 2,

    /// <summary><c>[[B&gt;A]]</c>: B is slightly better.</summary>
    BBetter = 3,

    /// <summary><c>[[B&gt;&gt;A]]</c>: B is significantly better.</summary>
    BMuchBetter = 4,
}
