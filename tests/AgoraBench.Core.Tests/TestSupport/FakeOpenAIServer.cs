using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace AgoraBench.Tests.TestSupport;

/// <summary>
/// A loopback OpenAI-compatible server for tests: chat completions answered by a function of the prompt, embeddings by
/// a function of the text, legacy completions with scripted log-probabilities, and injectable faults.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public Func<string, string> Chat { get; set; } = _ => "Feedback: fine. [RESULT] 3";

    /// <summary>Answers a chat request from the model id and the prompt; when set, it is used instead of <see cref="Chat"/>.</summary>
    public Func<string, string, string>? ChatByModel { get; set; }

    public Func<string, float[]> Embed { get; set; } = _ => [1, 0];

    /// <summary>Answers a completions prompt with (tokens, logprobs, offsets) for the echoed prompt.</summary>
    public Func<string, (string[] Tokens, double?[] LogProbs, int[] Offsets)> Complete { get; set; } = p => ([p], [null], [0]);

    /// <summary>Answers <c>POST /reward</c> (the reward-model contract) for an instruction and response.</summary>
    public Func<string, string, double> Reward { get; set; } = (_, response) => response.Length;

    /// <summary>Status codes to answer the next requests with (any endpoint), in order.</summary>
    public ConcurrentQueue<int> Faults { get; } = new();

    /// <summary>Fault code that holds the request open for 10 s (a client timeout).</summary>
    public const int Hang = -1;

    /// <summary>The <c>Retry-After</c> header of an injected 429 (default <c>"0"</c>).</summary>
    public string RetryAfter { get; set; } = "0";

    /// <summary>The error message in the body of an injected fault (default <c>"injected fault"</c>).</summary>
    public string FaultMessage { get; set; } = "injected fault";

    /// <summary>Fault code that answers 200 with a body that is not JSON.</summary>
    public const int Garbage = -2;

    /// <summary>Gets or sets the finish reason of each chat answer, from the answer text.</summary>
    public Func<string, string> FinishReason { get; set; } = _ => "stop";

    /// <summary>Gets or sets a delay before every chat answer (latency simulation).</summary>
    public TimeSpan ChatLatency { get; set; }

    /// <summary>The chat completions answered with 200 and a valid body.</summary>
    public int ChatCompletionsServed;

    /// <summary>The faults injected so far.</summary>
    public int FaultsServed;

    public ConcurrentQueue<JsonNode> ChatRequests { get; } = new();

    public int EmbeddingRequests;

    public int CompletionRequests;

    public int HubRequests;

    /// <summary>Files the fake Hugging Face Hub serves, by path after <c>/resolve/{revision}/</c>.</summary>
    public Dictionary<string, string> HubFiles { get; } = [];

    /// <summary>How many rows the fake datasets-server has; row i is <c>{"question": "q{i}", "answer": "#### {i}"}</c>.</summary>
    public int HubRows { get; set; }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        server.Map(app);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/");
        return server;
    }

    public IChatClient ChatClient(string model = "judge") => Client().GetChatClient(model).AsIChatClient();

    public IEmbeddingGenerator<string, Embedding<float>> EmbeddingGenerator(string model = "embedder") => Client().GetEmbeddingClient(model).AsIEmbeddingGenerator();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public IChatClient GeneratorClient(string model, TimeSpan timeout) =>
        new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = Endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = timeout }).GetChatClient(model).AsIChatClient();

    private OpenAIClient Client() => new(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = Endpoint, RetryPolicy = new ClientRetryPolicy(0) });

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (Faults.TryDequeue(out int status))
            {
                Interlocked.Increment(ref FaultsServed);
                if (status == Hang)
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }

                if (status == Garbage)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"choices\": [ <html>oops");
                    return;
                }

                context.Response.StatusCode = status;
                if (status == 429)
                {
                    context.Response.Headers.RetryAfter = RetryAfter;
                }

                await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = FaultMessage } });
                return;
            }

            await next(context);
        });

        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            ChatRequests.Enqueue(body);
            string prompt = string.Join("\n", body["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()));
            string answer = ChatByModel is { } byModel ? byModel(body["model"]!.GetValue<string>(), prompt) : Chat(prompt);
            if (ChatLatency > TimeSpan.Zero)
            {
                await Task.Delay(ChatLatency);
            }

            Interlocked.Increment(ref ChatCompletionsServed);
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = body["model"]!.GetValue<string>(),
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["finish_reason"] = FinishReason(answer), ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer } }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
            });
        });

        app.MapPost("/v1/embeddings", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref EmbeddingRequests);
            var body = (await JsonNode.ParseAsync(request.Body))!;
            var inputs = body["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToArray() : [body["input"]!.GetValue<string>()];
            var data = new JsonArray();
            for (int i = 0; i < inputs.Length; i++)
            {
                data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = new JsonArray([.. Embed(inputs[i]).Select(v => (JsonNode)v)]) });
            }

            return Results.Json(new JsonObject
            {
                ["object"] = "list",
                ["data"] = data,
                ["model"] = body["model"]!.GetValue<string>(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Length * 3, ["total_tokens"] = inputs.Length * 3 },
            });
        });

        app.MapGet("/datasets/{owner}/{name}/resolve/{revision}/{**path}", (string path) =>
        {
            Interlocked.Increment(ref HubRequests);
            return HubFiles.TryGetValue(path, out string? content) ? Results.Text(content) : Results.NotFound();
        });

        app.MapGet("/rows", (int offset, int length) =>
        {
            Interlocked.Increment(ref HubRequests);
            var rows = new JsonArray();
            for (int i = offset; i < Math.Min(HubRows, offset + length); i++)
            {
                rows.Add(new JsonObject { ["row_idx"] = i, ["row"] = new JsonObject { ["question"] = $"q{i}", ["answer"] = $"#### {i}" }, ["truncated_cells"] = new JsonArray() });
            }

            return Results.Json(new JsonObject { ["rows"] = rows, ["num_rows_total"] = HubRows, ["num_rows_per_page"] = 100 });
        });

        app.MapPost("/reward", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            return Results.Json(new JsonObject { ["score"] = Reward(body["instruction"]!.GetValue<string>(), body["response"]!.GetValue<string>()) });
        });

        app.MapPost("/v1/completions", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref CompletionRequests);
            var body = (await JsonNode.ParseAsync(request.Body))!;
            string prompt = body["prompt"]!.GetValue<string>();
            var (tokens, logprobs, offsets) = Complete(prompt);
            return Results.Json(new JsonObject
            {
                ["id"] = "cmpl-1",
                ["object"] = "text_completion",
                ["model"] = body["model"]!.GetValue<string>(),
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["text"] = prompt + "!",
                    ["finish_reason"] = "length",
                    ["logprobs"] = new JsonObject
                    {
                        ["tokens"] = new JsonArray([.. tokens.Append("!").Select(t => (JsonNode)t)]),
                        ["token_logprobs"] = new JsonArray([.. logprobs.Append(-9.0).Select(l => l is double d ? (JsonNode?)d : null)]),
                        ["text_offset"] = new JsonArray([.. offsets.Append(prompt.Length).Select(o => (JsonNode)o)]),
                        ["top_logprobs"] = null,
                    },
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = tokens.Length, ["completion_tokens"] = 1, ["total_tokens"] = tokens.Length + 1 },
            });
        });
    }
}
