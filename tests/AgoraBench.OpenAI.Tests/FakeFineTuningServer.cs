using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgoraBench.OpenAI.Tests;

/// <summary>
/// A loopback fake of OpenAI's files and fine-tuning-jobs endpoints: each job walks through a scripted list of
/// statuses (one step per status poll), with injectable HTTP 500s.
/// </summary>
internal sealed class FakeFineTuningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _jobCounter;

    private FakeFineTuningServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Statuses each new job goes through, one per poll; the last one stays.</summary>
    public List<string> Script { get; set; } = ["validating_files", "queued", "running", "succeeded"];

    public JsonObject? FailureError { get; set; }

    /// <summary>How many of the next status polls answer HTTP 500.</summary>
    public int FailNextPolls { get; set; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentDictionary<string, string> UploadedFiles { get; } = new();

    public ConcurrentQueue<JsonNode> CreatedJobs { get; } = new();

    public ConcurrentDictionary<string, Job> Jobs { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<FakeFineTuningServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeFineTuningServer(app);
        server.Map(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address + "/v1/");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            await next(context);
        });

        app.MapPost("/v1/files", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var file = form.Files[0];
            using var reader = new StreamReader(file.OpenReadStream());
            string id = "file-" + (UploadedFiles.Count + 1);
            UploadedFiles[id] = await reader.ReadToEndAsync();
            return Results.Json(new JsonObject
            {
                ["id"] = id,
                ["object"] = "file",
                ["bytes"] = file.Length,
                ["created_at"] = 1_700_000_000,
                ["filename"] = file.FileName,
                ["purpose"] = form["purpose"].ToString(),
                ["status"] = "processed",
            });
        });

        app.MapPost("/v1/fine_tuning/jobs", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            CreatedJobs.Enqueue(body);
            string id = "ftjob-" + Interlocked.Increment(ref _jobCounter);
            var job = new Job(id, body["model"]!.GetValue<string>(), body["training_file"]!.GetValue<string>(), [.. Script]);
            Jobs[id] = job;
            return Results.Json(job.ToJson(FailureError));
        });

        app.MapGet("/v1/fine_tuning/jobs/{id}", (string id) =>
        {
            if (!Jobs.TryGetValue(id, out var job))
            {
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "not found" } }, statusCode: 404);
            }

            if (FailNextPolls > 0)
            {
                FailNextPolls--;
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "upstream hiccup", ["type"] = "server_error" } }, statusCode: 500);
            }

            job.Advance();
            return Results.Json(job.ToJson(FailureError));
        });

        app.MapGet("/v1/fine_tuning/jobs/{id}/events", (string id) =>
        {
            var job = Jobs[id];
            var data = new JsonArray();
            for (int i = job.Position; i >= 0; i--)
            {
                data.Add(new JsonObject
                {
                    ["object"] = "fine_tuning.job.event",
                    ["id"] = $"{id}-ev-{i}",
                    ["created_at"] = 1_700_000_000 + i,
                    ["level"] = "info",
                    ["message"] = $"status: {job.Statuses[i]}",
                    ["type"] = "message",
                });
            }

            return Results.Json(new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false });
        });

        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            string model = body["model"]!.GetValue<string>();
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-1",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["finish_reason"] = "stop",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = $"hello from {model}" },
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 5, ["completion_tokens"] = 4, ["total_tokens"] = 9 },
            });
        });

        app.MapPost("/v1/fine_tuning/jobs/{id}/cancel", (string id) =>
        {
            var job = Jobs[id];
            job.Cancel();
            return Results.Json(job.ToJson(FailureError));
        });
    }

    internal sealed class Job(string id, string model, string trainingFile, List<string> statuses)
    {
        private bool _cancelled;

        public string Id { get; } = id;

        public List<string> Statuses { get; } = statuses;

        public int Position { get; private set; }

        public string Status => _cancelled ? "cancelled" : Statuses[Position];

        public void Advance()
        {
            if (!_cancelled && Position < Statuses.Count - 1)
            {
                Position++;
            }
        }

        public void Cancel() => _cancelled = true;

        public JsonObject ToJson(JsonObject? failure) => new()
        {
            ["object"] = "fine_tuning.job",
            ["id"] = Id,
            ["model"] = model,
            ["created_at"] = 1_700_000_000,
            ["finished_at"] = Status is "succeeded" or "failed" or "cancelled" ? 1_700_000_500 : null,
            ["fine_tuned_model"] = Status == "succeeded" ? $"ft:{model}:agorabench::{Id}" : null,
            ["organization_id"] = "org-test",
            ["result_files"] = new JsonArray(),
            ["status"] = Status,
            ["validation_file"] = null,
            ["training_file"] = trainingFile,
            ["hyperparameters"] = new JsonObject { ["n_epochs"] = 5, ["batch_size"] = 4, ["learning_rate_multiplier"] = 1.8 },
            ["trained_tokens"] = Status == "succeeded" ? 123_456 : null,
            ["error"] = Status == "failed" ? failure?.DeepClone() : null,
            ["seed"] = 42,
            ["estimated_finish"] = null,
            ["integrations"] = new JsonArray(),
            ["method"] = new JsonObject
            {
                ["type"] = "supervised",
                ["supervised"] = new JsonObject { ["hyperparameters"] = new JsonObject { ["n_epochs"] = 5, ["batch_size"] = 4, ["learning_rate_multiplier"] = 1.8 } },
            },
        };
    }
}
