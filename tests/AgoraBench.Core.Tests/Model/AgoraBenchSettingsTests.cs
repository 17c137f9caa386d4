using System.Globalization;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Model;

public class AgoraBenchSettingsTests
{
    [Fact]
    public void All_HasNineDistinctSettingsInPaperOrder()
    {
        var all = AgoraBenchSettings.All;
        Assert.Equal(9, all.Count);
        Assert.Equal(9, all.Select(s => s.Key).Distinct().Count());
        Assert.Equal("instance-generation/math", all[0].Key);
        Assert.Equal("instance-generation/instruction-following", all[2].Key);
        Assert.Equal("quality-enhancement/instruction-following", all[8].Key);
    }

    [Fact]
    public void Get_ReturnsTheSharedInstance()
    {
        foreach (var setting in AgoraBenchSettings.All)
        {
            Assert.Same(setting, AgoraBenchSettings.Get(setting.Method, setting.Domain));
        }
    }

    [Theory]
    [InlineData("math", "gsm8k", "math")]
    [InlineData("code", "mbpp", "humaneval")]
    [InlineData("instruction-following", "alpacaeval-2.0", "arena-hard")]
    public void EachSetting_HasItsDomainsTwoBenchmarks(string domainName, string first, string second)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        foreach (var setting in AgoraBenchSettings.All.Where(s => s.Domain == domain))
        {
            Assert.Equal([first, second], setting.Benchmarks.Select(b => b.Id));
            Assert.All(setting.Benchmarks, b => Assert.Equal(domain, b.Domain));
        }
    }

    [Fact]
    public void TrainsOnSeedData_OnlyForInstanceGeneration()
    {
        Assert.All(AgoraBenchSettings.All, s => Assert.Equal(s.Method == GenerationMethod.InstanceGeneration, s.TrainsOnSeedData));
        Assert.All(AgoraBenchSettings.All, s => Assert.Equal(10_000, s.GeneratedInstances));
    }

    [Theory]
    [InlineData("instance-generation/math")]
    [InlineData("ig/math")]
    [InlineData("quality_enhancement/general")]
    public void TryParse_AcceptsKeysAndAliases(string key)
    {
        Assert.True(AgoraBenchSetting.TryParse(key, out var setting));
        Assert.Contains(setting, AgoraBenchSettings.All);
    }

    [Theory]
    [InlineData("math")]
    [InlineData("ig/phys!cs")]
    [InlineData("ig/")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RejectsOthers(string? key) => Assert.False(AgoraBenchSetting.TryParse(key, out _));

    [SharedDataFact("spec/paper-tables/table1_settings.csv")]
    public void SeedDataSizes_MatchPaperTable1()
    {
        var lines = File.ReadAllLines(SharedData.Path("spec/paper-tables/table1_settings.csv")).Skip(1).Where(l => l.Length > 0);
        int checkedRows = 0;
        foreach (string line in lines)
        {
            var cells = line.Split(',');
            var setting = AgoraBenchSettings.Get(AgoraBenchNames.ParseMethod(cells[1]), AgoraBenchNames.ParseDomain(cells[0]));
            int size = int.Parse(cells[^3], CultureInfo.InvariantCulture);
            Assert.Equal(size, setting.SeedDataSize);
            Assert.Equal(int.Parse(cells[^1], CultureInfo.InvariantCulture), setting.GeneratedInstances);
            checkedRows++;
        }

        Assert.Equal(9, checkedRows);
    }
}
