using AgoraBench;
using AgoraBench.OpenAI;
using CustomTrainer;
using Microsoft.Extensions.DependencyInjection;

// Plug your own trainer into a run: here, a team's HTTP training service (see TrainingServiceTrainer).
//
//   dotnet run --project samples/CustomTrainer -- PLAN.json                      show the run's steps with this trainer (nothing is spent)
//   dotnet run --project samples/CustomTrainer -- PLAN.json --service URL --run  run the plan, training through the service
string here = AppContext.BaseDirectory.Split("/bin/")[0];
string planPath = args.FirstOrDefault(a => a.EndsWith(".json", StringComparison.Ordinal)) ?? Path.Combine(here, "..", "plans", "vllm.json");
string service = args.SkipWhile(a => a != "--service").Skip(1).FirstOrDefault() ?? "http://localhost:9000/v1/";

using var http = new HttpClient { BaseAddress = new Uri(service.EndsWith('/') ? service : service + "/") };
var services = new ServiceCollection();
services.AddAgoraBench()
    .AddRunner()
    .UseOpenAIClients()
    .UseStudentTrainer(new TrainingServiceTrainer(http));   // replaces the plan's trainer for every cell
using var provider = services.BuildServiceProvider();

AgoraBenchPlan plan;
try
{
    plan = await AgoraBenchPlanFile.ReadAsync(planPath);
}
catch (DataValidationException ex)
{
    // Every problem at once, with file, line and JSON path (the sample plans need their data folder: AGORABENCH_DATA).
    Console.Error.WriteLine(ex.Message);
    return 3;
}

var runner = provider.GetRequiredService<AgoraBenchRunnerFactory>().Create(plan, Path.Combine(Path.GetTempPath(), "agorabench-custom-trainer"));
if (!args.Contains("--run"))
{
    foreach (var step in (await runner.InspectAsync()).Where(s => s.Stage == RunStage.Train))
    {
        Console.WriteLine($"{step.Id,-60} {step.Status}");
    }

    return 0;
}

var result = await runner.RunAsync(progress: new Progress<RunProgress>(p => Console.WriteLine($"{p.Step.Status,-8} {p.Step.Id} {p.Message}")));
return result.Succeeded ? 0 : 4;
