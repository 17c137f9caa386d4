namespace AgoraBench;

/// <summary>The PGR of one benchmark in one setting, with the scores it came from (a result; read-only).</summary>
public sealed class BenchmarkPgr
{
    internal BenchmarkPgr(string benchmark, double student, double @base, double reference, double value)
    {
        Benchmark = benchmark;
        Student = student;
        Base = @base;
        Reference = reference;
        Value = value;
    }

    /// <summary>Gets the benchmark identifier.</summary>
    public string Benchmark { get; }

    /// <summary>Gets the student's score.</summary>
    internal double Student { get; }

    /// <summary>Gets the base model's score.</summary>
    internal double Base { get; }

    /// <summary>Gets the reference model's score.</summary>
    internal double Reference { get; }

    /// <summary>Gets the unclipped PGR in percent.</summary>
    public double Value { get; }

    /// <summary>Gets the paired bootstrap interval of <see cref="Value"/>, or <see langword="null"/> when the score has no per-problem outcomes.</summary>
    public ConfidenceInterval? Interval { get; internal init; }

    /// <summary>A copy with an interval.</summary>
    internal BenchmarkPgr WithInterval(ConfidenceInterval? interval) => new(Benchmark, Student, Base, Reference, Value) { Interval = interval };
}
