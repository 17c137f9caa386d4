using System.Text.Json.Nodes;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Running;

public sealed class PlanSchemaTests
{
    [Fact]
    public void TheCheckedInSchema_IsTheOneGeneratedFromThePlanRecords()
    {
        string path = RepositoryRoot.Combine("docs", "plan.schema.json");
        string generated = PlanSchema.Text();
        if (Environment.GetEnvironmentVariable("AGORABENCH_UPDATE_PLAN_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        string checkedIn = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(checkedIn == generated, "docs/plan.schema.json differs from the schema generated from the plan records (Running/Plan/Document); run eng/update-plan-schema.sh and commit the file.");
    }

    [Fact]
    public void TheSchema_StatesTheRecordsKeysDefaultsAndLimits()
    {
        var schema = PlanSchema.Generate();
        var root = schema["properties"]!.AsObject();

        // Every key of the root record, and nothing else.
        Assert.Equal(PlanJsonContext.Default.PlanDocument.Properties.Select(p => p.Name).Order(StringComparer.Ordinal), root.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());

        // Defaults come from the plan model's own defaults.
        Assert.Equal(new PlanGeneration().MaxAttempts, root["generation"]!["properties"]!["maxAttempts"]!["default"]!.GetValue<int>());
        Assert.Equal(AgoraBenchConstants.InstancesPerSetting, root["instances"]!["default"]!.GetValue<int>());
        Assert.Equal(new PlanTraining().Repeats, root["training"]!["properties"]!["repeats"]!["default"]!.GetValue<int>());
        Assert.Equal(0.9, root["generation"]!["properties"]!["topP"]!["default"]!.GetValue<double>());

        // Limits and required keys come from the records' attributes.
        Assert.Equal(1, root["training"]!["properties"]!["repeats"]!["minimum"]!.GetValue<int>());
        Assert.Contains("benchmarks", root["domains"]!["additionalProperties"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["math", "code", "general"], root["domains"]!["additionalProperties"]!["properties"]!["validator"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        var graders = root["evaluation"]!["properties"]!["benchmarks"]!["additionalProperties"]!["properties"]!["grader"]!["oneOf"]!.AsArray();
        Assert.Equal(GraderDocument.Kinds.Count + 1, graders.Count);
    }

    [Fact]
    public void EachBuiltInGraderRecord_ListsTheOptionsItsGraderTakes()
    {
        foreach (var (kind, record) in GraderDocument.Kinds)
        {
            // A grader names the options it takes when it meets one it does not know.
            var options = new JsonObject { ["kind"] = kind, ["zzzzzzzzzzzzzzzzzzzz"] = 1 };
            var error = Assert.Throws<DataValidationException>(() => GraderRegistry.BuiltIn.Create(new GraderSpec(kind, options), new GraderContext()));
            string message = error.Errors.Single(e => e.Field == "zzzzzzzzzzzzzzzzzzzz").Message;
            string[] taken = message[(message.IndexOf("it takes ", StringComparison.Ordinal) + "it takes ".Length)..].Split(", ");

            var described = PlanJsonContext.Default.GetTypeInfo(record)!.Properties.Select(p => p.Name);
            Assert.Equal(taken.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TheValuesARecordAllows_AreTheOnesTheCodeKnows()
    {
        var names = PlanJsonContext.Default.GetTypeInfo(typeof(MetricsDocument))!.Properties.Single(p => p.Name == "names");
        var allowed = PlanConstraints.Find<System.ComponentModel.DataAnnotations.AllowedValuesAttribute>(PlanConstraints.Of(names))!;
        Assert.Equal(IntrinsicMetricNames.All, allowed.Values.OfType<string>());

        var format = PlanJsonContext.Default.GetTypeInfo(typeof(TrainingDocument))!.Properties.Single(p => p.Name == "format");
        var formats = PlanConstraints.Find<System.ComponentModel.DataAnnotations.AllowedValuesAttribute>(PlanConstraints.Of(format))!;
        Assert.Equal(Enum.GetValues<SftFormat>().Select(SftExporter.ToName).Order(StringComparer.Ordinal), formats.Values.OfType<string>().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("generation", "promptStyel", "promptStyle")]
    [InlineData("training", "baseModle", "baseModel")]
    [InlineData("analysis", "confidance", "confidence")]
    [InlineData("estimate", "sampleSiz", "sampleSize")]
    public void AMisspeltKey_IsNamedWithTheNearestKeyOfItsRecord(string section, string misspelt, string meant)
    {
        var node = JsonNode.Parse(AgoraBenchPlanFileTestsPlan)!;
        node[section] = new JsonObject { [misspelt] = 1 };

        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(node.ToJsonString(), "plan.json"));

        Assert.Contains(error.Errors, e => e.Field == $"$.{section}.{misspelt}" && e.Message.Contains($"did you mean '{meant}'?", StringComparison.Ordinal));
    }

    private const string AgoraBenchPlanFileTestsPlan = """
        { "name": "x", "settings": ["instance-generation/math"], "seeds": {}, "generators": [], "training": {}, "evaluation": {} }
        """;
}
