namespace AgoraBench;

/// <summary>
/// An <see cref="IStudentTrainer"/> for students trained elsewhere: it returns a known student for each run instead of
/// training. Runs are matched by <see cref="StudentTrainingRequest.RunName"/>, or by <c>generator/method/domain</c>.
/// </summary>
public sealed class PrecomputedStudentTrainer : IStudentTrainer
{
    private readonly IReadOnlyDictionary<string, TrainedStudent> _students;

    /// <summary>Initializes a new instance of the <see cref="PrecomputedStudentTrainer"/> class.</summary>
    /// <param name="students">The students by run name or <c>generator/method/domain</c> key.</param>
    public PrecomputedStudentTrainer(IReadOnlyDictionary<string, TrainedStudent> students)
    {
        ArgumentNullException.ThrowIfNull(students);
        _students = students;
    }

    /// <inheritdoc />
    public string Name => "precomputed";

    /// <summary>Gets the key a request is matched by.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The run name, or <c>generator/method/domain</c>.</returns>
    internal static string KeyOf(StudentTrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.RunName ?? $"{request.Generator}/{request.Setting?.Key}";
    }

    /// <inheritdoc />
    public Task<TrainedStudent> TrainAsync(StudentTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        string key = KeyOf(request);
        if (!_students.TryGetValue(key, out var student))
        {
            throw new StudentTrainingException($"No precomputed student for '{key}'; known runs: {string.Join(", ", _students.Keys.Order(StringComparer.Ordinal))}.");
        }

        progress?.Report(new TrainingProgress("succeeded", $"using the precomputed student {student.ModelId} for {key}"));
        return Task.FromResult(student);
    }
}
