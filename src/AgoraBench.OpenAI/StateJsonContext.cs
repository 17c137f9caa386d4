using System.Text.Json.Serialization;

namespace AgoraBench.OpenAI;

/// <summary>Source-generated JSON for the job state file (trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
