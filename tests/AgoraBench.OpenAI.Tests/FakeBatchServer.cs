using System.Collections.Concurrent;
using System.Text;
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
/// A loopback fake of OpenAI's files and batches endpoints. Each batch walks through the statuses its
/// <see cref="BatchScript"/> gives (one step per status poll); at its terminal status the fake writes the output and
/// error files: answers from <see cref="Answer"/>, scripted per-request failures, a partial output for an expired or
/// cancelled batch, batch-level errors for a failed one.
/// </summary>
internal sealed class FakeBatchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _files;
    private int _batchCount;
    private readonly Lock _pollGate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _pollWaiters = [];
    private int _polls;

    private FakeBatchServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The script of the n-th batch created (1-based).</summary>
    public Func<int, BatchScript> Script { get; set; } = _ => new BatchScript();

    /// <summary>Answers one request body (a chat completion request) with the assistant's text.</summary>
    public Func<JsonNode, string> Answer { get; set; } = body => "answer to " + body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();

    /// <summary>When false, batches stay in progress (their script does not advance) until it is set.</summary>
    public bool Release { get; set; } = true;

    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public ConcurrentDictionary<string, FakeBatch> Batches { get; } = new();

    public int BatchesCreated => Volatile.Read(ref _batchCount);

    /// <summary>Completes once the server has answered <paramref name="more"/> further batch status reads: an event on the socket, not a guess at how long a client takes.</summary>
    public Task WhenPolledAsync(int more)
    {
        lock (_pollGate)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pollWaiters.Add((_polls + more, done));
            return done.Task;
        }
    }

    private void Polled()
    {
        lock (_pollGate)
        {
            _polls++;
            foreach (var waiter in _pollWaiters.Where(w => w.Count <= _polls).ToArray())
            {
                waiter.Done.TrySetResult();
                _pollWaiters.Remove(waiter);
            }
        }
    }

    public int RequestsAnswered;

    public static async Task<FakeBatchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 256L * 1024 * 1024);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeBatchServer(app);
        server.Map(app);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/files", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = 256L * 1024 * 1024 });
            var file = form.Files[0];
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            string id = "file-" + Interlocked.Increment(ref _files);
            Files[id] = buffer.ToArray();
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

        app.MapGet("/v1/files/{id}/content", (string id) =>
            Files.TryGetValue(id, out var content) ? Results.Bytes(content, "application/octet-stream") : Results.NotFound());

        app.MapPost("/v1/batches", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            int number = Interlocked.Increment(ref _batchCount);
            string input = body["input_file_id"]!.GetValue<string>();
            var lines = Encoding.UTF8.GetString(Files[input]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
            var batch = new FakeBatch("batch_" + number, number, input, lines, Script(number));
            Batches[batch.Id] = batch;
            return Results.Json(batch.ToJson());
        });

        app.MapGet("/v1/batches/{id}", (string id) =>
        {
            if (!Batches.TryGetValue(id, out var batch))
            {
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "no such batch" } }, statusCode: 404);
            }

            JsonObject json;
            lock (batch)
            {
                if (Release || batch.CancelRequested)
                {
                    Advance(batch);
                }

                json = batch.ToJson();
            }

            Polled();
            return Results.Json(json);
        });

        app.MapPost("/v1/batches/{id}/cancel", (string id) =>
        {
            var batch = Batches[id];
            lock (batch)
            {
                batch.CancelRequested = true;
                if (!batch.Terminal)
                {
                    batch.Status = "cancelling";
                }

                return Results.Json(batch.ToJson());
            }
        });
    }

    private void Advance(FakeBatch batch)
    {
        if (batch.Terminal)
        {
            return;
        }

        if (batch.CancelRequested)
        {
            Finish(batch, "cancelled");
            return;
        }

        if (batch.Step < batch.Script.Statuses.Count)
        {
            batch.Status = batch.Script.Statuses[batch.Step++];
        }

        if (batch.Status is "completed" or "expired" or "failed")
        {
            Finish(batch, batch.Status);
        }
    }

    private void Finish(FakeBatch batch, string status)
    {
        batch.Status = status;
        batch.Terminal = true;
        if (status == "failed")
        {
            batch.Errors = batch.Script.Errors;
            return;
        }

        int processed = status == "completed" ? batch.Lines.Length : Math.Min(batch.Lines.Length, batch.Script.Processed);
        var output = new StringBuilder();
        var errors = new StringBuilder();
        foreach (var line in batch.Lines.Take(processed))
        {
            string customId = line["custom_id"]!.GetValue<string>();
            var request = line["body"]!;
            if (batch.Script.Fail(customId) is int code)
            {
                batch.Failed++;
                errors.Append(new JsonObject
                {
                    ["id"] = "batch_req_" + customId,
                    ["custom_id"] = customId,
                    ["response"] = new JsonObject { ["status_code"] = code, ["body"] = new JsonObject { ["error"] = new JsonObject { ["message"] = $"injected {code}", ["type"] = "server_error" } } },
                    ["error"] = null,
                }.ToJsonString()).Append('\n');
                continue;
            }

            batch.Completed++;
            Interlocked.Increment(ref RequestsAnswered);
            string text = Answer(request);
            output.Append(new JsonObject
            {
                ["id"] = "batch_req_" + customId,
                ["custom_id"] = customId,
                ["response"] = new JsonObject
                {
                    ["status_code"] = 200,
                    ["request_id"] = "req_" + customId,
                    ["body"] = new JsonObject
                    {
                        ["id"] = "chatcmpl-" + customId,
                        ["object"] = "chat.completion",
                        ["created"] = 1_700_000_000,
                        ["model"] = request["model"]!.GetValue<string>(),
                        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["finish_reason"] = "stop", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text } }),
                        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
                    },
                },
                ["error"] = null,
            }.ToJsonString()).Append('\n');
        }

        if (output.Length > 0)
        {
            string id = "file-" + Interlocked.Increment(ref _files);
            Files[id] = Encoding.UTF8.GetBytes(output.ToString());
            batch.OutputFileId = id;
        }

        if (errors.Length > 0)
        {
            string id = "file-" + Interlocked.Increment(ref _files);
            Files[id] = Encoding.UTF8.GetBytes(errors.ToString());
            batch.ErrorFileId = id;
        }
    }
}

/// <summary>How one fake batch behaves.</summary>
internal sealed record BatchScript
{
    /// <summary>The statuses it goes through, one per poll; it ends at the last (completed, expired or failed).</summary>
    public IReadOnlyList<string> Statuses { get; init; } = ["validating", "in_progress", "completed"];

    /// <summary>The status code a request fails with (by custom id), or <see langword="null"/> when it succeeds.</summary>
    public Func<string, int?> Fail { get; init; } = _ => null;

    /// <summary>How many requests an expired or cancelled batch processed before it stopped.</summary>
    public int Processed { get; init; }

    /// <summary>A failed batch's errors.</summary>
    public JsonArray Errors { get; init; } = [];
}

internal sealed class FakeBatch(string id, int number, string inputFileId, JsonNode[] lines, BatchScript script)
{
    public string Id { get; } = id;

    public int Number { get; } = number;

    public string InputFileId { get; } = inputFileId;

    public JsonNode[] Lines { get; } = lines;

    public BatchScript Script { get; } = script;

    public string Status { get; set; } = "validating";

    public int Step { get; set; }

    public bool Terminal { get; set; }

    public bool CancelRequested { get; set; }

    public int Completed { get; set; }

    public int Failed { get; set; }

    public string? OutputFileId { get; set; }

    public string? ErrorFileId { get; set; }

    public JsonArray Errors { get; set; } = [];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "batch",
        ["endpoint"] = "/v1/chat/completions",
        ["input_file_id"] = InputFileId,
        ["completion_window"] = "24h",
        ["status"] = Status,
        ["output_file_id"] = OutputFileId,
        ["error_file_id"] = ErrorFileId,
        ["created_at"] = 1_700_000_000,
        ["request_counts"] = new JsonObject { ["total"] = Lines.Length, ["completed"] = Completed, ["failed"] = Failed },
        ["errors"] = Errors.Count == 0 ? null : new JsonObject { ["object"] = "list", ["data"] = Errors.DeepClone() },
        ["metadata"] = new JsonObject(),
    };
}
