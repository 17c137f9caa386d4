using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AgoraBench;

namespace CustomTrainer;

/// <summary>
/// A trainer for a team's own training service over HTTP: it uploads the exported SFT data, starts a job, polls it
/// with back-off until the student is served, and returns where. The job id is kept in the request's working folder,
/// so a restarted run re-attaches to the running job instead of paying for a second one; cancelling the run cancels
/// the job.
/// </summary>
/// <remarks>
/// The service contract (adapt it to yours): <c>POST /files</c> (JSON Lines body) → <c>{"id"}</c>;
/// <c>POST /jobs {"base_model", "training_file", "hyperparameters", "name"}</c> → <c>{"id"}</c>;
/// <c>GET /jobs/{id}</c> → <c>{"status": "queued|running|succeeded|failed", "model_id", "endpoint", "error", "metrics"}</c>;
/// <c>DELETE /jobs/{id}</c>. The key comes from the environment variable named <c>TRAINING_SERVICE_KEY</c>.
/// </remarks>
public sealed class TrainingServiceTrainer(HttpClient http, TimeProvider? time = null) : IStudentTrainer
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => "training-service";

    public async Task<TrainedStudent> TrainAsync(StudentTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string folder = request.WorkingDirectory ?? Path.Combine(Path.GetTempPath(), "training-service-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string state = Path.Combine(folder, "job.json");
        if (Environment.GetEnvironmentVariable("TRAINING_SERVICE_KEY") is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        string jobId;
        if (File.Exists(state))
        {
            jobId = JsonNode.Parse(await File.ReadAllTextAsync(state, cancellationToken))!["id"]!.GetValue<string>();
            progress?.Report(new TrainingProgress("attached", $"re-attached to job {jobId}"));
        }
        else
        {
            string data = Path.Combine(folder, "train.jsonl");
            int examples = await SftExporter.WriteAsync(data, request.Instances, SftFormat.Messages, new SftExportOptions { SeedInstances = request.SeedInstances }, cancellationToken);
            progress?.Report(new TrainingProgress("upload", $"uploading {examples} examples"));
            using var upload = await http.PostAsync("files", new StreamContent(File.OpenRead(data)), cancellationToken);
            string file = await IdAsync(upload, cancellationToken);
            var h = request.Hyperparameters;
            var body = new JsonObject
            {
                ["base_model"] = request.BaseModel,
                ["training_file"] = file,
                ["name"] = request.RunName,
                ["hyperparameters"] = new JsonObject { ["epochs"] = h.Epochs, ["learning_rate"] = h.LearningRate, ["batch_size"] = h.BatchSize, ["gradient_accumulation_steps"] = h.GradientAccumulationSteps, ["max_sequence_length"] = h.MaxSequenceLength, ["seed"] = h.Seed },
            };
            using var created = await http.PostAsync("jobs", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
            jobId = await IdAsync(created, cancellationToken);
            await File.WriteAllTextAsync(state, new JsonObject { ["id"] = jobId }.ToJsonString(), cancellationToken);
            progress?.Report(new TrainingProgress("created", $"job {jobId}"));
        }

        var delay = TimeSpan.FromSeconds(5);
        try
        {
            while (true)
            {
                var job = JsonNode.Parse(await http.GetStringAsync($"jobs/{jobId}", cancellationToken))!;
                string status = job["status"]?.GetValue<string>() ?? "unknown";
                progress?.Report(new TrainingProgress(status, $"job {jobId}"));
                switch (status)
                {
                    case "succeeded":
                        return new TrainedStudent(
                            modelId: job["model_id"]!.GetValue<string>(),
                            endpoint: new Uri(job["endpoint"]!.GetValue<string>()),
                            apiKeyEnvironmentVariable: "TRAINING_SERVICE_KEY",
                            jobId: jobId,
                            trainer: Name,
                            baseModel: request.BaseModel,
                            metrics: job["metrics"] is JsonObject metrics ? metrics.ToDictionary(m => m.Key, m => m.Value!.GetValue<double>()) : new Dictionary<string, double>());
                    case "failed" or "cancelled":
                        File.Delete(state);
                        throw new StudentTrainingException($"job {jobId} {status}: {job["error"]?.GetValue<string>() ?? "no reason given"}");
                }

                await Task.Delay(delay, _time, cancellationToken);
                delay = TimeSpan.FromSeconds(Math.Min(120, delay.TotalSeconds * 2));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            using var cancel = await http.DeleteAsync($"jobs/{jobId}", CancellationToken.None);
            throw;
        }
    }

    private static async Task<string> IdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new StudentTrainingException($"the training service answered HTTP {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }
}
