using Microsoft.Extensions.AI;

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

        try
        {
            return new OpenAIModelClientFactory().CreateChatClient(student.ToEndpoint(), ModelRole.Student);
        }
        catch (DataValidationException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }

    /// <summary>Describes how to reach a student as a <see cref="ModelEndpoint"/>.</summary>
    /// <param name="student">The student.</param>
    /// <returns>The endpoint (the student's model id, URL and key variable).</returns>
    public static ModelEndpoint ToEndpoint(this TrainedStudent student)
    {
        ArgumentNullException.ThrowIfNull(student);
        return new ModelEndpoint { Model = student.ModelId, Endpoint = student.Endpoint, ApiKeyEnvironmentVariable = student.ApiKeyEnvironmentVariable };
    }
}
