using System.Text.Json.Nodes;
using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgoraBench.Tests.Running;

/// <summary>Trainers are providers registered by name; the core library names none but its own two.</summary>
public sealed class TrainerProviderTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    private string Plan(string trainer) => _study.PlanJson(edit: plan => plan["training"] = new JsonObject { ["trainer"] = trainer, ["baseModel"] = "student-base" });

    [Fact]
    public void APlanNamingAnUnregisteredTrainer_IsRejected_WithTheRegisteredNamesAndItsLine()
    {
        var plan = AgoraBenchPlanFile.Parse(Plan("openai"), _study.PlanPath);

        var error = Assert.Throws<DataValidationException>(() => new AgoraBenchRunner(plan, _study.RunDirectory("none"), new AgoraBenchRunnerOptions { ClientFactory = new OpenAIModelClientFactory() }));

        var problem = Assert.Single(error.Errors, e => e.Field == "$.training.trainer");
        Assert.Contains("'openai' is not a registered trainer; registered: command, precomputed", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void TheOpenAIPackage_RegistersItsTrainer_ForRunnersAndForTheContainer()
    {
        var plan = AgoraBenchPlanFile.Parse(Plan("openai"), _study.PlanPath);

        var direct = new AgoraBenchRunner(plan, _study.RunDirectory("direct"), new AgoraBenchRunnerOptions().UseOpenAI());
        Assert.Contains(direct.Options.TrainerProviders, p => p.Name == "openai" && p.ServesStudents);

        var services = new ServiceCollection();
        services.AddAgoraBench().AddRunner().UseOpenAIClients();
        using var provider = services.BuildServiceProvider();
        var built = provider.GetRequiredService<AgoraBenchRunnerFactory>().Create(plan, _study.RunDirectory("di"));
        Assert.Single(built.Options.TrainerProviders, p => p.Name == "openai");
        Assert.IsType<OpenAIFineTuningTrainer>(built.Options.TrainerProviders[0].Create(plan.Training));
    }

    [Fact]
    public void AHostsProvider_IsAcceptedByName_AndAPlanFileReadWithTheNamesChecksThem()
    {
        var services = new ServiceCollection();
        services.AddAgoraBench().AddRunner().UseOpenAIClients().AddStudentTrainerProvider(new ClusterProvider());
        using var provider = services.BuildServiceProvider();
        var plan = AgoraBenchPlanFile.Parse(Plan("cluster"), _study.PlanPath);

        var runner = provider.GetRequiredService<AgoraBenchRunnerFactory>().Create(plan, _study.RunDirectory("cluster"));
        Assert.Equal(["openai", "cluster"], runner.Options.TrainerProviders.Select(p => p.Name));

        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(Plan("clustr"), _study.PlanPath, additionalTrainers: ["cluster"]));
        Assert.Contains(error.Errors, e => e.Field == "$.training.trainer" && e.Message.Contains("registered: command, precomputed, cluster", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRunnerFactory_KeepsEveryConfiguredOption_AndGivesEachRunnerItsOwnCopy()
    {
        Func<string, string?> environment = name => name == "X" ? "y" : null;
        var services = new ServiceCollection();
        services.AddAgoraBench().AddRunner(o =>
        {
            o.Shard = new ShardSpec(2, 3);
            o.Environment = environment;
            o.FailFast = true;
            o.MaxParallelSteps = 3;
        }).UseOpenAIClients();
        using var provider = services.BuildServiceProvider();
        var plan = AgoraBenchPlanFile.Parse(_study.PlanJson(), _study.PlanPath, additionalTrainers: []);
        var factory = provider.GetRequiredService<AgoraBenchRunnerFactory>();

        var first = factory.Create(plan, _study.RunDirectory("a"), o => o.MaxParallelSteps = 1);
        var second = factory.Create(plan, _study.RunDirectory("b"));

        Assert.Equal(new ShardSpec(2, 3), second.Options.Shard);
        Assert.Same(environment, second.Options.Environment);
        Assert.True(second.Options.FailFast);
        Assert.Equal(3, second.Options.MaxParallelSteps);
        Assert.Equal(1, first.Options.MaxParallelSteps);
        Assert.NotSame(first.Options, second.Options);
    }

    private sealed class ClusterProvider : IStudentTrainerProvider
    {
        public string Name => "cluster";

        public bool ServesStudents => false;

        public IStudentTrainer Create(PlanTraining training) => new PrecomputedStudentTrainer(new Dictionary<string, TrainedStudent>());
    }
}
