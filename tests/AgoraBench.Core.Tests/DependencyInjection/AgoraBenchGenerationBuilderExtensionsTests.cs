using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgoraBench.Tests.DependencyInjection;

public class AgoraBenchGenerationBuilderExtensionsTests
{
    [Fact]
    public async Task AddChatDataGenerator_UsesTheRegisteredChatClient_AndTheConfiguredSampling()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "Answer.\n[RESULT] 3 [/RESULT]";
        var services = new ServiceCollection();
        services.AddSingleton(server.ChatClient("gen"));
        services.AddAgoraBench().AddChatDataGenerator(o => o.Temperature = 0.7f);
        using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IDataGenerator>();
        var outcome = await generator.GenerateAsync(new GenerationRequest(GenerationMethod.ResponseGeneration, BenchmarkDomain.Math, "INPUT:\nWhat is 1 + 2?\n\nOUTPUT:\n"));
        Assert.True(outcome.Accepted, outcome.Rejection?.Message);
        Assert.True(server.ChatRequests.TryPeek(out var request));
        Assert.Equal(0.7, request!["temperature"]!.GetValue<double>(), 3);
    }

    [Fact]
    public void AddChatDataGenerator_InvalidOptions_ListEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.AI.IChatClient>(_ => throw new InvalidOperationException("not reached"));
        services.AddAgoraBench().AddChatDataGenerator(o => (o.Temperature, o.TopP, o.MaxOutputTokens) = (5f, 0f, 0));
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IDataGenerator>());
        foreach (string option in new[] { "Temperature", "TopP", "MaxOutputTokens" })
        {
            Assert.Contains(option, ex.Message, StringComparison.Ordinal);
        }
    }
}
