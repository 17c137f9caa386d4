using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AgoraBench;

/// <summary>
/// One of N shards of a deterministic split (<c>--shard 2/4</c> is the second of four): items and steps are dealt out
/// by position, so N machines or CI jobs that run the same plan with shards 1/N … N/N cover everything exactly once.
/// </summary>
/// <remarks>
/// A plain read-only struct rather than a record: hosts set a shard and read <see cref="Number"/> and <see cref="Count"/>;
/// comparing two specs is done by those two numbers.
/// </remarks>
public readonly struct ShardSpec
{
    /// <summary>Initializes a new instance of the <see cref="ShardSpec"/> struct.</summary>
    /// <param name="number">The shard, from 1 to <paramref name="count"/>.</param>
    /// <param name="count">How many shards there are (at least 1).</param>
    public ShardSpec(int number, int count)
    {
        Number = number;
        Count = count;
    }

    /// <summary>Gets the shard, from 1 to <see cref="Count"/>.</summary>
    public int Number { get; }

    /// <summary>Gets how many shards there are (at least 1).</summary>
    public int Count { get; }

    /// <summary>Gets the whole (one shard of one).</summary>
    public static ShardSpec Whole { get; } = new(1, 1);

    /// <summary>Gets a value indicating whether this is the whole (no split).</summary>
    public bool IsWhole => Count == 1;

    /// <summary>Gets a value indicating whether the item or group at a 0-based position belongs to this shard.</summary>
    /// <param name="position">The position.</param>
    /// <returns><see langword="true"/> when <c>position mod Count = Number - 1</c>.</returns>
    public bool Contains(int position) => position % Count == Number - 1;

    /// <summary>Gets how many of <paramref name="total"/> items, dealt out by position, fall in this shard.</summary>
    /// <param name="total">The number of items.</param>
    /// <returns>The shard's share.</returns>
    internal int ShareOf(int total) => (total / Count) + (Number - 1 < total % Count ? 1 : 0);

    /// <summary>Parses <c>i/N</c> (1 ≤ i ≤ N).</summary>
    /// <param name="text">The text.</param>
    /// <param name="shard">The shard.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid shard.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ShardSpec shard)
    {
        shard = Whole;
        string[] parts = (text ?? string.Empty).Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && number >= 1 && number <= count)
        {
            shard = new ShardSpec(number, count);
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number}/{Count}");
}
