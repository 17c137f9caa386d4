using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// The identity of a chat request for caches and batch files: the SHA-256 of the model id, the messages (role and
/// text) and the sampling options that change an answer (temperature, top-p, maximum tokens, seed, stop sequences,
/// response format). Endpoints and keys are never part of it.
/// </summary>
internal static class ChatRequestKey
{
    /// <summary>Computes the key of one request.</summary>
    /// <param name="modelId">The model id the request goes to.</param>
    /// <param name="messages">The messages sent.</param>
    /// <param name="options">The options sent, if any.</param>
    /// <returns>The key, as lower-case hex.</returns>
    public static string Compute(string modelId, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", modelId);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartArray();
                json.WriteStringValue(message.Role.Value);
                json.WriteStringValue(message.Text);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            if (options is not null)
            {
                if (options.Temperature is float temperature)
                {
                    json.WriteNumber("temperature", temperature);
                }

                if (options.TopP is float topP)
                {
                    json.WriteNumber("top_p", topP);
                }

                if (options.MaxOutputTokens is int max)
                {
                    json.WriteNumber("max_tokens", max);
                }

                if (options.Seed is long seed)
                {
                    json.WriteNumber("seed", seed);
                }

                if (options.StopSequences is { Count: > 0 } stops)
                {
                    json.WriteStartArray("stop");
                    foreach (string stop in stops)
                    {
                        json.WriteStringValue(stop);
                    }

                    json.WriteEndArray();
                }

                if (options.ResponseFormat is not null)
                {
                    json.WriteString("format", options.ResponseFormat is ChatResponseFormatJson ? "json" : "text");
                }
            }

            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
