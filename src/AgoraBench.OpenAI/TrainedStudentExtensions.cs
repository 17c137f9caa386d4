using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgoraBench.OpenAI;

/// <summary>Turns a <see cref="TrainedStudent"/> into an <see cref="IChatClient"/> for evaluation.</summary>
public static class TrainedStudentExtensions
{
    /// <summary>
    /// Creates a chat client for a student served at an OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, …). The key
    /// is read from the environment variable the student names; a local endpoint may need none.
    /// </summary>
    /// <param name="student">The student.</param>
    /// <returns>A chat client for the student's model.</returns>
    /// <exception cref="InvalidOperationException">The student has no endpoint (for example weights on disk that are not served yet), or its key variable is not set for the OpenAI service.</exception>
    public static IChatClient CreateChatClient(this TrainedStudent student)
    {
        ArgumentNullException.ThrowIfNull(student);
        if (student.Endpoint is null)
        {
            throw new InvalidOperationException(
                $"The student {student.ModelId} has no endpoint{(student.ModelPath is null ? string.Empty : $" (its weights are at {student.ModelPath})")}; serve it (for example with vLLM) and set its endpoint.");
        }

        string? key = student.ApiKeyEnvironmentVariable is { } variable ? Environment.GetEnvironmentVariable(variable) : null;
        if (string.IsNullOrEmpty(key))
        {
            if (student.Endpoint.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The environment variable {student.ApiKeyEnvironmentVariable ?? "OPENAI_API_KEY"} must hold the API key for {student.Endpoint}.");
            }

            key = "unused";
        }

        var options = new OpenAIClientOptions { Endpoint = student.Endpoint, RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(student.ModelId).AsIChatClient();
    }
}
