namespace AgoraBench.Tests.Model;

public class AgoraBenchNamesTests
{
    [Theory]
    [InlineData("math", "math")]
    [InlineData("code", "code")]
    [InlineData("instruction-following", "instruction-following")]
    public void ToName_Domain_IsStableAndParsesBack(string domainName, string name)
    {
        var domain = AgoraBenchNames.ParseDomain(domainName);
        Assert.Equal(name, AgoraBenchNames.ToName(domain));
        Assert.Equal(domain, AgoraBenchNames.ParseDomain(name));
    }

    [Theory]
    [InlineData(GenerationMethod.InstanceGeneration, "instance-generation")]
    [InlineData(GenerationMethod.ResponseGeneration, "response-generation")]
    [InlineData(GenerationMethod.QualityEnhancement, "quality-enhancement")]
    public void ToName_Method_IsStableAndParsesBack(GenerationMethod method, string name)
    {
        Assert.Equal(name, AgoraBenchNames.ToName(method));
        Assert.Equal(method, AgoraBenchNames.ParseMethod(name));
    }

    [Theory]
    [InlineData("inst_following", "instruction-following")]
    [InlineData("General", "instruction-following")]
    [InlineData("Instruction Following", "instruction-following")]
    [InlineData(" MATH ", "math")]
    public void TryParseDomain_AcceptsPaperAndReferenceSpellings(string text, string expectedName)
    {
        var expected = AgoraBenchNames.ParseDomain(expectedName);
        Assert.True(AgoraBenchNames.TryParseDomain(text, out var domain));
        Assert.Equal(expected, domain);
    }

    [Theory]
    [InlineData("instance_generation", GenerationMethod.InstanceGeneration)]
    [InlineData("IG", GenerationMethod.InstanceGeneration)]
    [InlineData("rg", GenerationMethod.ResponseGeneration)]
    [InlineData("Quality_Enhancement", GenerationMethod.QualityEnhancement)]
    public void TryParseMethod_AcceptsPaperAndReferenceSpellings(string text, GenerationMethod expected)
    {
        Assert.True(AgoraBenchNames.TryParseMethod(text, out var method));
        Assert.Equal(expected, method);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("-sql")]
    [InlineData("sql;drop")]
    public void TryParseDomain_RejectsUnknown(string? text) => Assert.False(AgoraBenchNames.TryParseDomain(text, out _));

    [Fact]
    public void ParseMethod_Unknown_ListsTheValidNames()
    {
        var ex = Assert.Throws<FormatException>(() => AgoraBenchNames.ParseMethod("distillation"));
        Assert.Equal("'distillation' is not a method; expected one of: instance-generation, response-generation, quality-enhancement.", ex.Message);
    }

    [Fact]
    public void TryParseDomain_AnyWellFormedName_IsADeclaredDomainKeyedByItsName()
    {
        Assert.True(AgoraBenchNames.TryParseDomain("Legal_QA", out var domain));
        Assert.Equal("legal-qa", domain.Name);
        Assert.False(domain.IsBuiltIn);
        Assert.Equal(new BenchmarkDomain("legal-qa"), domain);
        Assert.True(Comparer<BenchmarkDomain>.Default.Compare(BenchmarkDomain.InstructionFollowing, domain) < 0);
    }
}
