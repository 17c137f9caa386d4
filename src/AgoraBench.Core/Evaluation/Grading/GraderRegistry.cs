using System.Diagnostics.CodeAnalysis;

namespace AgoraBench;

/// <summary>
/// The grader kinds by name: the built-in <c>exact</c>, <c>numeric</c>, <c>math</c>, <c>python-tests</c>,
/// <c>judge</c> and <c>pairwise</c>, and any a host adds. Every benchmark, built-in or declared, is graded through a
/// kind found here.
/// </summary>
internal sealed class GraderRegistry
{
    private readonly Dictionary<string, Func<GraderSpec, GraderContext, IBenchmarkGrader>> _kinds = new(StringComparer.Ordinal)
    {
        ["exact"] = (spec, context) => new ExactGrader(spec, context),
        ["numeric"] = (spec, context) => new NumericGrader(spec, context),
        ["math"] = (spec, context) => new MathKindGrader(spec, context),
        ["python-tests"] = (spec, context) => new PythonTestsGrader(spec, context),
        ["judge"] = (spec, context) => new JudgeGrader(spec, context),
        ["pairwise"] = (spec, context) => new PairwiseGrader(spec, context),
    };

    /// <summary>Gets a registry with the built-in kinds only.</summary>
    internal static GraderRegistry BuiltIn { get; } = new();

    /// <summary>Gets the kinds, sorted.</summary>
    internal IReadOnlyList<string> Kinds => [.. _kinds.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Adds a kind, or replaces the one of the same name.</summary>
    /// <param name="kind">The kind's name, used as <c>"kind"</c> in plans.</param>
    /// <param name="factory">Creates a grader from its options; it throws <see cref="DataValidationException"/> listing every bad option.</param>
    /// <returns>This registry.</returns>
    internal GraderRegistry Add(string kind, Func<GraderSpec, GraderContext, IBenchmarkGrader> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        _kinds[kind] = factory;
        return this;
    }

    /// <summary>Gets a copy of this registry that further additions do not change.</summary>
    /// <returns>The copy.</returns>
    internal GraderRegistry Clone()
    {
        var copy = new GraderRegistry();
        foreach (var (kind, factory) in _kinds)
        {
            copy._kinds[kind] = factory;
        }

        return copy;
    }

    /// <summary>Gets a value indicating whether a kind is known.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="suggestion">The nearest known kind when it is not, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the kind is registered.</returns>
    internal bool Contains(string kind, out string? suggestion)
    {
        ArgumentNullException.ThrowIfNull(kind);
        suggestion = _kinds.ContainsKey(kind) ? null : Suggest.Nearest(kind, _kinds.Keys);
        return suggestion is null && _kinds.ContainsKey(kind);
    }

    /// <summary>Creates a grader.</summary>
    /// <param name="spec">The kind and options.</param>
    /// <param name="context">What the grader may use.</param>
    /// <returns>The grader.</returns>
    /// <exception cref="DataValidationException">The kind is unknown, or options are wrong; every problem is listed with the option as its field.</exception>
    internal IBenchmarkGrader Create(GraderSpec spec, GraderContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        if (!TryGet(spec.Kind, out var factory))
        {
            string? nearest = Suggest.Nearest(spec.Kind, _kinds.Keys);
            var errors = new List<DataError>
            {
                new(null, null, "kind", nearest is null
                    ? $"'{spec.Kind}' is not a grader kind; expected one of {string.Join(", ", Kinds)}"
                    : $"'{spec.Kind}' is not a grader kind; did you mean '{nearest}'?"),
            };

            // The other options are still checked: as the suggested kind's when there is one, else the option every kind takes (extract).
            if (nearest is not null)
            {
                try
                {
                    _kinds[nearest](new GraderSpec(nearest, spec.Options), context);
                }
                catch (DataValidationException ex)
                {
                    errors.AddRange(ex.Errors.Select(e => new DataError(e.Source, e.Line, e.Field, $"{e.Message} (read as the '{nearest}' grader)")));
                }
            }
            else if (spec.Text("extract") is { } pattern && AnswerExtraction.Compile(pattern, out string? problem) is null)
            {
                errors.Add(new DataError(null, null, "extract", problem!));
            }
            else if (spec.Options.TryGetPropertyValue("extract", out var node) && node is not null && spec.Text("extract") is null)
            {
                errors.Add(new DataError(null, null, "extract", "must be a string"));
            }

            throw new DataValidationException(errors);
        }

        return factory(spec, context);
    }

    /// <summary>The factory of a registered kind.</summary>
    internal Func<GraderSpec, GraderContext, IBenchmarkGrader> Factory(string kind) => _kinds[kind];

    private bool TryGet(string kind, [NotNullWhen(true)] out Func<GraderSpec, GraderContext, IBenchmarkGrader>? factory) => _kinds.TryGetValue(kind, out factory);
}
