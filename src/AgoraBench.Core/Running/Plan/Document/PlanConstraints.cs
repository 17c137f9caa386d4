using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;

namespace AgoraBench;

/// <summary>
/// The limits a plan record declares with attributes (<see cref="RequiredAttribute"/>, <see cref="RangeAttribute"/>,
/// <see cref="MinimumLengthAttribute"/>, <see cref="AllowedValuesAttribute"/>, <see cref="RegularExpressionAttribute"/>,
/// <see cref="UniqueItemsAttribute"/>, <see cref="KeyPatternAttribute"/>), read the same way by the reader, which checks
/// them, and the schema, which states them.
/// </summary>
internal static class PlanConstraints
{
    public static object[] Of(JsonPropertyInfo property) => property.AttributeProvider?.GetCustomAttributes(inherit: true) ?? [];

    public static object[] Of(Type type) => type.GetCustomAttributes(inherit: true);

    public static T? Find<T>(object[] attributes)
        where T : Attribute => attributes.OfType<T>().FirstOrDefault();

    /// <summary>The lower bound of a range, or <see langword="null"/> when it has none.</summary>
    public static double? Minimum(RangeAttribute range) => Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture) is double min && min > int.MinValue && min > double.MinValue ? min : null;

    /// <summary>The upper bound of a range, or <see langword="null"/> when it has none.</summary>
    public static double? Maximum(RangeAttribute range) => Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture) is double max && max < int.MaxValue && max < double.MaxValue ? max : null;

    /// <summary>What is wrong with <paramref name="value"/> under <paramref name="range"/>, or <see langword="null"/>.</summary>
    public static string? RangeProblem(RangeAttribute range, double value)
    {
        double? min = Minimum(range);
        double? max = Maximum(range);
        bool low = min is double a && (range.MinimumIsExclusive ? !(value > a) : !(value >= a));
        bool high = max is double b && (range.MaximumIsExclusive ? !(value < b) : !(value <= b));
        if (!low && !high && !double.IsNaN(value))
        {
            return null;
        }

        string it = "; it is " + Text(value);
        return (min, max) switch
        {
            (double lo, double hi) when range.MinimumIsExclusive || range.MaximumIsExclusive => $"must be strictly between {Text(lo)} and {Text(hi)}{it}",
            (double lo, double hi) => $"must be between {Text(lo)} and {Text(hi)}{it}",
            (0, null) when range.MinimumIsExclusive => "must be positive" + it,
            (0, null) => "must not be negative" + it,
            (double lo, null) when range.MinimumIsExclusive => $"must be greater than {Text(lo)}{it}",
            (double lo, null) => $"must be at least {Text(lo)}{it}",
            (null, double hi) when range.MaximumIsExclusive => $"must be less than {Text(hi)}{it}",
            (null, double hi) => $"must be at most {Text(hi)}{it}",
            _ => null,
        };
    }

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
