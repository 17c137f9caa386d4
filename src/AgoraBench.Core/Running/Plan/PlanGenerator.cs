namespace AgoraBench;

/// <summary>A generator under test: the name results are reported under, and how to reach the model.</summary>
/// <param name="Name">The generator's name in results (unique in a plan), for example <c>GPT-4o-mini</c>.</param>
/// <param name="Endpoint">How to reach the model.</param>
internal sealed record PlanGenerator(string Name, ModelEndpoint Endpoint);
