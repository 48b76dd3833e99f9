using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Direction of a ledger row.</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<LedgerOperation>))]
public readonly record struct LedgerOperation : IWireEnum<LedgerOperation>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public LedgerOperation(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Credit (wire <c>"C"</c>).</summary>
    public static LedgerOperation Credit { get; } = new("C");

    /// <summary>Debit (wire <c>"D"</c>).</summary>
    public static LedgerOperation Debit { get; } = new("D");

    /// <inheritdoc />
    public static WireEnumValues<LedgerOperation> Values { get; } = new(
        (Credit, nameof(Credit)),
        (Debit, nameof(Debit)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static LedgerOperation FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
