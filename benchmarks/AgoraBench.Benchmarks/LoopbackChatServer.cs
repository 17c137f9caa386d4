using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgoraBench.Benchmarks;

/// <summary>
/// A Kestrel OpenAI-compatible /v1/chat/completions endpoint on loopback that answers after a fixed latency, or (a failing
/// replica) answers every request with an error status at once.
/// </summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gen\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"We add the numbers step by step: 12 + 30 = 42.\\n[RESULT] 42 [/RESULT]\"}}],\"usage\":{\"prompt_tokens\":600,\"completion_tokens\":40,\"total_tokens\":640}}");

    private readonly WebApplication _app;

    private LoopbackChatServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<LoopbackChatServer> StartAsync(TimeSpan latency, int? failWith = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            // Drain the request body as a real server would.
            await context.Request.Body.CopyToAsync(Stream.Null);
            if (failWith is int status)
            {
                context.Response.StatusCode = status;
                return;
            }

            await Task.Delay(latency);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackChatServer(app, new Uri(address + "/v1/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
