using System.Globalization;
using System.Text.Json;
using Fluid;
using Fluid.Values;

namespace AgoraBench;

/// <summary>A Liquid template (Fluid) filled from a problem's fields: student prompts and judge rubrics.</summary>
internal sealed class LiquidTemplate
{
    private static readonly FluidParser Parser = new();

    private readonly IFluidTemplate _template;

    private LiquidTemplate(string text, IFluidTemplate template)
    {
        Text = text;
        _template = template;
    }

    public string Text { get; }

    /// <summary>Parses a template; <paramref name="error"/> says what is wrong when it does not parse.</summary>
    public static LiquidTemplate? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Parser.TryParse(text, out var template, out error))
        {
            return new LiquidTemplate(text, template);
        }

        error = OneLine(error);
        return null;
    }

    /// <summary>
    /// The parser's message on one line: its text, then the template it quotes after <c>Source:</c> (line breaks shown
    /// as <c>\n</c>, cut after 80 characters).
    /// </summary>
    private static string OneLine(string? message)
    {
        string[] lines = (message ?? "the template does not parse").ReplaceLineEndings("\n").Split('\n');
        int source = Array.FindIndex(lines, l => l.Trim() == "Source:");
        string head = string.Join(' ', (source < 0 ? lines : lines[..source]).Select(l => l.Trim()).Where(l => l.Length > 0));
        if (source < 0)
        {
            return head;
        }

        var quotedLines = lines[(source + 1)..].AsEnumerable().Reverse().SkipWhile(l => l.Trim().Length == 0).Reverse();
        string quoted = string.Join("\\n", quotedLines);
        return quoted.Length == 0 ? head : $"{head} in '{(quoted.Length > 80 ? quoted[..80] + "…" : quoted)}'";
    }

    /// <summary>The variables the template uses that are not among <paramref name="fields"/>.</summary>
    public IReadOnlyList<string> UnknownFields(IEnumerable<string> fields)
    {
        var values = fields.ToDictionary(f => f, _ => (FluidValue)StringValue.Create("x"), StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            Render(values, unknown);
        }
        catch (FluidException)
        {
            // A runtime error with placeholder values (a filter on a number, …) is not a missing field.
        }
        catch (InvalidOperationException)
        {
        }

        return [.. unknown];
    }

    /// <summary>
    /// The fields whose text the template would use for this problem although the problem lacks them (or holds
    /// <c>null</c>): the holes its prompt would be sent with. A field only tested (<c>{% if hint %}</c>) or given a
    /// <c>default</c> is not a hole.
    /// </summary>
    public IReadOnlyList<string> Holes(BenchmarkProblem problem, IEnumerable<string>? provided = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var values = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
        foreach (var (name, value) in problem.Fields)
        {
            if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                values[name] = Convert(value);
            }
        }

        foreach (string name in provided ?? [])
        {
            values[name] = StringValue.Create("x");
        }

        var holes = new SortedSet<string>(StringComparer.Ordinal);
        var builder = new TemplateOptionsBuilder().WithUndefined((name, type) => ValueTask.FromResult<FluidValue>(new HoleValue(name, holes)));
        var context = new TemplateContext(builder.Build());
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        try
        {
            _template.Render(context, NullEncoder.Default);
        }
        catch (FluidException)
        {
            // A runtime error of the template itself is not a missing field.
        }
        catch (InvalidOperationException)
        {
        }

        return [.. holes];
    }

    /// <summary>Fills the template from a problem's fields and extra values (which win over fields of the same name).</summary>
    public string Render(BenchmarkProblem problem, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var values = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
        foreach (var (name, value) in problem.Fields)
        {
            values[name] = Convert(value);
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            values[name] = StringValue.Create(value);
        }

        return Render(values, null);
    }

    private string Render(Dictionary<string, FluidValue> values, SortedSet<string>? unknown)
    {
        var builder = new TemplateOptionsBuilder().WithUndefined((name, type) =>
        {
            unknown?.Add(name);
            return ValueTask.FromResult<FluidValue>(NilValue.Instance);
        });
        var context = new TemplateContext(builder.Build());
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        return _template.Render(context, NullEncoder.Default);
    }

    private static FluidValue Convert(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => StringValue.Create(value.GetString()!),
        JsonValueKind.Number => value.TryGetDecimal(out decimal d) ? NumberValue.Create(d) : StringValue.Create(value.GetRawText()),
        JsonValueKind.True => BooleanValue.True,
        JsonValueKind.False => BooleanValue.False,
        JsonValueKind.Array => ArrayValue.Create(value.EnumerateArray().Select(Convert).ToArray()),
        JsonValueKind.Object => DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(value.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)))),
        _ => NilValue.Instance,
    };

    public override string ToString() => Text.ToString(CultureInfo.InvariantCulture);

    /// <summary>An undefined variable: nil to conditions and <c>default</c>, but noted as a hole when its text is used.</summary>
    private sealed class HoleValue(string name, SortedSet<string> holes) : BaseNilValue
    {
public override string ToStringValue(TemplateContext context)
        {
            holes.Add(name);
            return string.Empty;
        }

        public override ValueTask<FluidValue> GetValueAsync(string member, TemplateContext context) => member == "size" ? NumberValue.Zero : this;

        public override ValueTask WriteToAsync(IFluidOutput output, System.Text.Encodings.Web.TextEncoder encoder, TemplateContext context)
        {
            holes.Add(name);
            return default;
        }

        public override bool Equals(object? obj) => obj is HoleValue or NilValue;

        public override int GetHashCode() => typeof(NilValue).GetHashCode();
    }
}
