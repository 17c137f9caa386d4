using System.Diagnostics.CodeAnalysis;

namespace AgoraBench;

/// <summary>
/// A task domain: what the generated data is about, keyed by a stable name. The paper's three domains (math, code and
/// instruction following) are built-in instances; a plan or a host declares its own (<c>sql</c>, <c>legal-qa</c>, …)
/// by name, read with <see cref="AgoraBenchNames.TryParseDomain"/>.
/// </summary>
/// <remarks>
/// Two domains are equal when their names are equal. Names are lower case; <c>_</c> and spaces read as <c>-</c>. The
/// built-in names are <c>math</c>, <c>code</c> and <c>instruction-following</c> (see <see cref="AgoraBenchNames"/>);
/// the reference code calls instruction following <c>general</c>, which is accepted when parsing. The default value
/// is <see cref="Math"/>. Domains sort the built-in ones first, in the paper's order, then by name.
/// </remarks>
[SuppressMessage("Design", "CA1036:Override methods on comparable types", Justification = "The order only keeps reports stable (built-in domains first); it is no public promise, so the comparison is an explicit implementation without operators.")]
public readonly struct BenchmarkDomain : IEquatable<BenchmarkDomain>, IComparable<BenchmarkDomain>
{
    private readonly string? _name;

    /// <summary>Initializes a new instance of the <see cref="BenchmarkDomain"/> struct.</summary>
    /// <param name="name">The domain's name: letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or spaces, starting with a letter or a digit.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or has other characters.</exception>
    internal BenchmarkDomain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a domain name: use letters, digits, '-', '_' or '.', starting with a letter or a digit.", nameof(name));
        }

        _name = AgoraBenchNames.Normalize(name);
    }

    /// <summary>Gets mathematics: GSM8K and MATH.</summary>
    public static BenchmarkDomain Math { get; } = new(AgoraBenchNames.Math);

    /// <summary>Gets code generation: MBPP and HumanEval.</summary>
    public static BenchmarkDomain Code { get; } = new(AgoraBenchNames.Code);

    /// <summary>Gets instruction following: AlpacaEval 2.0 and Arena-Hard.</summary>
    public static BenchmarkDomain InstructionFollowing { get; } = new(AgoraBenchNames.InstructionFollowing);

    /// <summary>Gets the stable name, for example <c>math</c> or <c>sql</c>.</summary>
    internal string Name => _name ?? AgoraBenchNames.Math;

    /// <summary>Gets a value indicating whether this is one of the paper's three domains.</summary>
    internal bool IsBuiltIn => Ordinal < 3;

    /// <summary>Gets the paper's order of the built-in domains (0, 1, 2); 3 for any other domain.</summary>
    internal int Ordinal => Name switch
    {
        AgoraBenchNames.Math => 0,
        AgoraBenchNames.Code => 1,
        AgoraBenchNames.InstructionFollowing => 2,
        _ => 3,
    };

    /// <summary>Compares two domains for equality.</summary>
    /// <param name="left">The first domain.</param>
    /// <param name="right">The second domain.</param>
    /// <returns><see langword="true"/> when both have the same name.</returns>
    public static bool operator ==(BenchmarkDomain left, BenchmarkDomain right) => left.Equals(right);

    /// <summary>Compares two domains for inequality.</summary>
    /// <param name="left">The first domain.</param>
    /// <param name="right">The second domain.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(BenchmarkDomain left, BenchmarkDomain right) => !left.Equals(right);

    /// <summary>Checks whether a text can name a domain.</summary>
    /// <param name="name">The text.</param>
    /// <returns><see langword="true"/> when it is a well-formed name.</returns>
    internal static bool IsValidName([NotNullWhen(true)] string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        string trimmed = name.Trim();
        if (!char.IsAsciiLetterOrDigit(trimmed[0]))
        {
            return false;
        }

        foreach (char c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(BenchmarkDomain other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BenchmarkDomain other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    int IComparable<BenchmarkDomain>.CompareTo(BenchmarkDomain other)
    {
        int byOrder = Ordinal.CompareTo(other.Ordinal);
        return byOrder != 0 ? byOrder : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>Gets the name.</summary>
    /// <returns>The stable name.</returns>
    public override string ToString() => Name;
}
