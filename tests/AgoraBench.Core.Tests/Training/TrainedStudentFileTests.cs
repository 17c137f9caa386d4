using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Training;

public class TrainedStudentFileTests
{
    [Fact]
    public async Task WriteThenRead_RoundTrips()
    {
        using var temp = new TempDirectory();
        var student = new TrainedStudent(
            modelId: "ft:gpt-4o-mini:org::abc",
            trainer: "openai",
            endpoint: new Uri("https://api.openai.com/v1"),
            apiKeyEnvironmentVariable: "OPENAI_API_KEY",
            jobId: "ftjob-1",
            baseModel: "gpt-4o-mini-2024-07-18",
            metrics: new Dictionary<string, double> { ["trained_tokens"] = 1234 });

        await TrainedStudentFile.WriteAsync(temp.File("student.json"), student);
        var read = await TrainedStudentFile.ReadAsync(temp.File("student.json"));

        Assert.Equal(
            (student.ModelId, student.Trainer, student.Endpoint, student.ApiKeyEnvironmentVariable, student.ModelPath, student.JobId, student.BaseModel),
            (read.ModelId, read.Trainer, read.Endpoint, read.ApiKeyEnvironmentVariable, read.ModelPath, read.JobId, read.BaseModel));
        Assert.Equal(student.Metrics, read.Metrics);
        Assert.Equal(1234, read.Metrics["trained_tokens"]);
        Assert.DoesNotContain("sk-", File.ReadAllText(temp.File("student.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ModelPathOnly_UsesItAsTheModel()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("result.json", "{\"model_path\": \"/ckpt/final\"}");
        var student = await TrainedStudentFile.ReadAsync(path, "command");
        Assert.Equal(("/ckpt/final", "command"), (student.ModelId, student.Trainer));
    }

    [Fact]
    public async Task PrecomputedTrainer_ReturnsKnownStudents_AndNamesKnownRuns()
    {
        var trainer = new PrecomputedStudentTrainer(new Dictionary<string, TrainedStudent>
        {
            ["gpt-4o/instance-generation/math"] = new("m1", "precomputed"),
        });
        var request = new StudentTrainingRequest { BaseModel = "b", Instances = [], Generator = "gpt-4o", Setting = AgoraBenchSettings.All[0] };
        Assert.Equal("m1", (await trainer.TrainAsync(request)).ModelId);

        var ex = await Assert.ThrowsAsync<StudentTrainingException>(() => trainer.TrainAsync(new StudentTrainingRequest { BaseModel = "b", Instances = [], RunName = "other" }));
        Assert.Contains("known runs: gpt-4o/instance-generation/math", ex.Message, StringComparison.Ordinal);
    }
}
