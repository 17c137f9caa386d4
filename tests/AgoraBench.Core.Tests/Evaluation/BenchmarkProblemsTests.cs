using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

public class BenchmarkProblemsTests
{
    [Fact]
    public async Task Gsm8k_MissingMarksAndFields_AreNamed()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("gsm.jsonl", "{\"question\": \"1+1?\", \"answer\": \"2\\n#### 2\"}\n{\"question\": \"q\", \"answer\": \"no marks\"}\n{\"answer\": \"#### 3\"}\n");
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => BenchmarkProblems.ReadAsync("gsm8k", path));
        Assert.Equal([$"{path}:2: field 'answer': does not end with '#### <number>'", $"{path}:3: field 'question': is missing"], ex.Errors.Select(e => e.ToString()));
    }

    [SharedDataFact("datasets/gsm8k/test.jsonl")]
    public async Task Gsm8k_GoldAnswersScore100_AndWrongAnswers0()
    {
        var problems = await BenchmarkProblems.ReadAsync("gsm8k", SharedData.Path("datasets/gsm8k/test.jsonl"));
        Assert.Equal(1319, problems.Count);
        var gold = problems.Select(p => p.Fields["answer"].GetString()!).ToArray();

        Assert.All(problems.Select((p, i) => MathGrader.Grade(gold[i], p.Answer!)), g => Assert.True(g.Correct, g.Extracted));
        int wrong = problems.Count(p => MathGrader.Grade($"The answer is {decimal.Parse(p.Answer!, System.Globalization.CultureInfo.InvariantCulture) + 1}.", p.Answer!).Correct);
        Assert.Equal(0, wrong);
    }

    [SharedDataFact("datasets/math500/test.jsonl")]
    public async Task Math500_BoxedGoldAnswersScoreAtLeast99_AndOtherProblemsAnswers0()
    {
        var problems = await BenchmarkProblems.ReadAsync("math", SharedData.Path("datasets/math500/test.jsonl"));
        Assert.Equal(500, problems.Count);
        Assert.StartsWith("test/", problems[0].Id, StringComparison.Ordinal);

        var grades = problems.Select(p => MathGrader.Grade($"Therefore the answer is $\\boxed{{{p.Answer}}}$.", p.Answer!)).ToArray();
        double accuracy = grades.Count(g => g.Correct) / (double)grades.Length;
        Assert.True(accuracy >= 0.99, $"accuracy {accuracy:P1}; misses: {string.Join(" | ", problems.Where((p, i) => !grades[i].Correct).Select(p => p.Answer))}");

        int wrong = 0;
        for (int i = 0; i < problems.Count; i++)
        {
            // The next problem whose gold answer is written differently.
            var other = Enumerable.Range(1, problems.Count).Select(o => problems[(i + o) % problems.Count])
                .First(o => MathAnswerNormalizer.Normalize(o.Answer) != MathAnswerNormalizer.Normalize(problems[i].Answer));
            wrong += MathGrader.Grade($"\\boxed{{{other.Answer}}}", problems[i].Answer!).Correct ? 1 : 0;
        }

        Assert.Equal(0, wrong);
    }

    [SharedDataFact("datasets/humaneval/HumanEval.jsonl", "datasets/mbpp/mbpp.jsonl", "datasets/arena_hard_v0.1/question.jsonl", "datasets/alpaca_eval/gpt4_1106_preview_model_outputs.json")]
    public async Task OtherNativeFormats_Load()
    {
        Assert.Equal(164, (await BenchmarkProblems.ReadAsync("humaneval", SharedData.Path("datasets/humaneval/HumanEval.jsonl"))).Count);
        var mbpp = await BenchmarkProblems.ReadAsync("mbpp", SharedData.Path("datasets/mbpp/mbpp.jsonl"));
        Assert.Equal(974, mbpp.Count);
        Assert.Equal(3, mbpp[0].Fields["test_list"].GetArrayLength());
        Assert.Equal(427, (await BenchmarkProblems.ReadAsync("mbpp", SharedData.Path("datasets/mbpp/sanitized-mbpp.json"))).Count);
        Assert.Equal(500, (await BenchmarkProblems.ReadAsync("arena-hard", SharedData.Path("datasets/arena_hard_v0.1/question.jsonl"))).Count);
        var alpaca = await BenchmarkProblems.ReadAsync("alpacaeval", SharedData.Path("datasets/alpaca_eval/gpt4_1106_preview_model_outputs.json"));
        Assert.Equal(805, alpaca.Count);
        Assert.False(string.IsNullOrEmpty(alpaca[0].Answer));
    }
}
