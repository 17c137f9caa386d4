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
