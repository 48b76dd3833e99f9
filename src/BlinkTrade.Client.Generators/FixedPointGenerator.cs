using Microsoft.CodeAnalysis;

namespace BlinkTrade.Client.Generators;

/// <summary>
/// Writes what every 1e8-scaled wire value (<c>readonly partial record struct X(long Satoshis) : IFixedPoint&lt;X&gt;</c>:
/// <c>Price</c>, <c>Quantity</c>, <c>Amount</c>) shares: <c>Zero</c>, the decimal conversions, checked <c>+</c> and
/// <c>-</c>, the comparisons, <c>FromSatoshis</c>, <c>CompareTo</c> and <c>ToString</c>. The hand-written part keeps
/// what tells the types apart: the type's doc, its converter and members of its own (<c>Quantity.NotionalAt</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
internal sealed class FixedPointGenerator : IIncrementalGenerator
{
    private const string FixedPointInterface = "BlinkTrade.Client.Protocol.IFixedPoint";

    // The members, with TSelf for the type's name.
    private const string Members = """
            /// <summary>Zero.</summary>
            public static TSelf Zero => default;

            /// <summary>Creates a value from its exact decimal form (at most 8 decimals).</summary>
            /// <param name="value">The decimal value.</param>
            /// <returns>The wire value.</returns>
            /// <exception cref="ArgumentException">More than 8 decimal places.</exception>
            /// <exception cref="OverflowException">Out of the 64-bit wire range.</exception>
            public static TSelf FromDecimal(decimal value) => new(FixedPoint8.FromDecimal(value));

            /// <summary>Creates a value from a decimal, rounding to 8 decimals.</summary>
            /// <param name="value">The decimal value.</param>
            /// <param name="rounding">The rounding mode for extra decimals.</param>
            /// <returns>The wire value.</returns>
            /// <exception cref="OverflowException">Out of the 64-bit wire range.</exception>
            public static TSelf FromDecimal(decimal value, MidpointRounding rounding) => new(FixedPoint8.FromDecimal(value, rounding));

            /// <summary>The exact decimal value (<c>Satoshis / 1e8</c>).</summary>
            /// <returns>The decimal value.</returns>
            public decimal ToDecimal() => FixedPoint8.ToDecimal(Satoshis);

            /// <summary>Converts a decimal exactly; see <see cref="FromDecimal(decimal)"/>.</summary>
            /// <param name="value">The decimal value.</param>
            public static explicit operator TSelf(decimal value) => FromDecimal(value);

            /// <summary>Converts to the exact decimal value.</summary>
            /// <param name="value">The wire value.</param>
            public static explicit operator decimal(TSelf value) => value.ToDecimal();

            /// <summary>Adds two values, checking for overflow.</summary>
            /// <param name="left">The left operand.</param>
            /// <param name="right">The right operand.</param>
            /// <returns>The sum.</returns>
            public static TSelf operator +(TSelf left, TSelf right) => new(checked(left.Satoshis + right.Satoshis));

            /// <summary>Subtracts two values, checking for overflow.</summary>
            /// <param name="left">The left operand.</param>
            /// <param name="right">The right operand.</param>
            /// <returns>The difference.</returns>
            public static TSelf operator -(TSelf left, TSelf right) => new(checked(left.Satoshis - right.Satoshis));

            /// <summary>Compares two values.</summary>
            /// <param name="left">The left operand.</param>
            /// <param name="right">The right operand.</param>
            /// <returns>Whether <paramref name="left"/> is smaller.</returns>
            public static bool operator <(TSelf left, TSelf right) => left.Satoshis < right.Satoshis;

            /// <summary>Compares two values.</summary>
            /// <param name="left">The left operand.</param>
            /// <param name="right">The right operand.</param>
            /// <returns>Whether <paramref name="left"/> is greater.</returns>
            public static bool operator >(TSelf left, TSelf right) => left.Satoshis > right.Satoshis;

            /// <summary>Compares two values.</summary>
            /// <param name="left">The left operand.</param>
            /// <param name="right">The right operand.</param>
            /// <returns>Whether <paramref name="left"/> is smaller or equal.</returns>
            public static bool operator <=(TSelf left, TSelf right) => left.Satoshis <= right.Satoshis;

            /// <summary>Compares two values.</summary>
            /// <param name="left">The left operand.</param>
            /// <param name="right">The right operand.</param>
            /// <returns>Whether <paramref name="left"/> is greater or equal.</returns>
            public static bool operator >=(TSelf left, TSelf right) => left.Satoshis >= right.Satoshis;

            /// <summary>Wraps a wire integer.</summary>
            /// <param name="satoshis">The 1e8-scaled value.</param>
            /// <returns>The typed value.</returns>
            public static TSelf FromSatoshis(long satoshis) => new(satoshis);

            /// <inheritdoc />
            public int CompareTo(TSelf other) => Satoshis.CompareTo(other.Satoshis);

            /// <summary>The decimal value in invariant culture, e.g. <c>620.5</c>.</summary>
            /// <returns>The formatted value.</returns>
            public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);
        """;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every fixed-point type names its converter: [JsonConverter(typeof(FixedPointJsonConverter<X>))].
        GeneratedSource.Register(context, RecordSyntax.ConvertedRecordStructs(context.SyntaxProvider).Select(static (type, _) => Generate(type)));
    }

    private static (string HintName, string Text)? Generate(INamedTypeSymbol type)
    {
        if (SymbolFormats.SelfTypedInterface(type, FixedPointInterface) is null)
        {
            return null;
        }
        var file = new GeneratedSource(nameof(FixedPointGenerator), "the members every 1e8-scaled wire value shares (IFixedPoint).", "System.Globalization");
        file.Line("namespace " + type.ContainingNamespace.ToDisplayString() + ";");
        file.Line();
        file.Line("readonly partial record struct " + type.Name);
        file.Line("{");
        foreach (var line in Members.Replace("TSelf", type.Name).Split('\n'))
        {
            file.Line(line.TrimEnd('\r'));
        }
        file.Line("}");
        return (type.Name + ".FixedPoint.g.cs", file.ToString());
    }
}
