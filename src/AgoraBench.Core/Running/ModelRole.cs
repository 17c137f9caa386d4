namespace AgoraBench;

/// <summary>What a model is used for in a run; an <see cref="IModelClientFactory"/> may configure clients differently per role.</summary>
public enum ModelRole
{
    /// <summary>A generator under test. The generation engine owns retries, so its client should make none of its own.</summary>
    Generator = 0,

    /// <summary>The judge of instruction difficulty and response quality.</summary>
    MetricJudge = 1,

    /// <summary>A trained student being evaluated.</summary>
    Student = 2,

    /// <summary>The base model S<sub>Ø</sub> being evaluated.</summary>
    Base = 3,

    /// <summary>The reference model S<sub>ref</sub> being evaluated.</summary>
    Reference = 4,

    /// <summary>The pairwise judge of Arena-Hard and AlpacaEval.</summary>
    EvaluationJudge = 5,

    /// <summary>A generator evaluated on the benchmarks itself (its problem-solving ability).</summary>
    ProblemSolver = 6,
}
