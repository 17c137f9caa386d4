namespace AgoraBench;

/// <summary>One line of a predictions file as an evaluation appends it: the problem's id and the model's output.</summary>
internal sealed record PredictionLineDocument(string Id, string Output);
