using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Reads and writes <c>student.json</c>: <c>{"model_id", "trainer", "endpoint", "api_key_env", "model_path", "job_id",
/// "base_model", "metrics": {name: value}}</c>. The same shape is what a training command writes as its result file
/// (<c>model</c> is accepted for <c>model_id</c>).
/// </summary>
/// <remarks>
/// The writer is typed (<see cref="TrainedStudentDocument"/>). The reader stays hand-written on purpose: it also reads
/// the result file a user's training command writes, accepts <c>model</c> or <c>model_path</c> for the model, and
/// lists every wrong field at once, which a serializer (stopping at the first) would not.
/// </remarks>
public static class TrainedStudentFile
{
    /// <summary>Writes a student file atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="student">The student.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static async Task WriteAsync(string path, TrainedStudent student, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(student);
        string text = ArtefactJson.Write(TrainedStudentDocument.From(student), TrainingJsonContext.Default.TrainedStudentDocument);
        await AtomicFile.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a student file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="defaultTrainer">The trainer name to record when the file has none.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The student.</returns>
    /// <exception cref="DataValidationException">The file is not valid JSON, lacks a model, or has a field of the wrong type; every problem is listed.</exception>
    public static async Task<TrainedStudent> ReadAsync(string path, string defaultTrainer = "precomputed", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path, defaultTrainer);
    }

    internal static TrainedStudent Parse(string text, string source, string defaultTrainer)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new DataValidationException([new DataError(source, (int)(ex.LineNumber ?? 0) + 1, null, "not valid JSON: " + JsonErrorText.Describe(ex))]);
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<DataError>();
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataValidationException([new DataError(source, 1, null, "expected a JSON object")]);
            }

            string? String(string name)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new DataError(source, null, name, "must be a string"));
                    return null;
                }

                return value.GetString();
            }

            string? model = String("model_id") ?? String("model");
            string? endpointText = String("endpoint");
            Uri? endpoint = null;
            if (endpointText is not null && !Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint))
            {
                errors.Add(new DataError(source, null, "endpoint", $"'{endpointText}' is not an absolute URL"));
            }

            string? modelPath = String("model_path");
            if (string.IsNullOrWhiteSpace(model))
            {
                model = modelPath;
            }

            if (string.IsNullOrWhiteSpace(model))
            {
                errors.Add(new DataError(source, null, "model_id", "is missing: the result must name the trained model (model_id, model or model_path)"));
            }

            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            if (root.TryGetProperty("metrics", out var metricsElement) && metricsElement.ValueKind != JsonValueKind.Null)
            {
                if (metricsElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new DataError(source, null, "metrics", "must be an object of numbers"));
                }
                else
                {
                    foreach (var metric in metricsElement.EnumerateObject())
                    {
                        if (metric.Value.ValueKind == JsonValueKind.Number)
                        {
                            metrics[metric.Name] = metric.Value.GetDouble();
                        }
                        else
                        {
                            errors.Add(new DataError(source, null, "metrics." + metric.Name, "must be a number"));
                        }
                    }
                }
            }

            var student = new TrainedStudent(
                modelId: model ?? string.Empty,
                trainer: String("trainer") ?? defaultTrainer,
                endpoint: endpoint,
                apiKeyEnvironmentVariable: String("api_key_env"),
                modelPath: modelPath,
                jobId: String("job_id"),
                baseModel: String("base_model"),
                metrics: metrics);
            return errors.Count > 0 ? throw new DataValidationException(errors) : student;
        }
    }
}
