using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Execution instruction (FIX tag 18).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<ExecInst>))]
public readonly record struct ExecInst : IWireEnum<ExecInst>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public ExecInst(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Participate, don't initiate (post-only): rejected if it would take liquidity (wire <c>"6"</c>).</summary>
    public static ExecInst PostOnly { get; } = new("6");

    /// <inheritdoc />
    public static WireEnumValues<ExecInst> Values { get; } = new(
        (PostOnly, nameof(PostOnly)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static ExecInst FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
