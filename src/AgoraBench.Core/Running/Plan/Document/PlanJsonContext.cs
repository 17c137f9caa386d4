using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON metadata of the plan file's records (trimming- and AOT-safe): read, checked and described from one place.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(ExactGraderDocument))]
[JsonSerializable(typeof(NumericGraderDocument))]
[JsonSerializable(typeof(MathGraderDocument))]
[JsonSerializable(typeof(PythonTestsGraderDocument))]
[JsonSerializable(typeof(JudgeGraderDocument))]
[JsonSerializable(typeof(PairwiseGraderDocument))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
