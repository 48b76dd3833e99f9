using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Deposit status (PROTOCOL.md §2.5, §5 G23).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<DepositStatus>))]
public readonly record struct DepositStatus : IWireEnum<DepositStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public DepositStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Created, awaiting payment (wire <c>"0"</c>).</summary>
    public static DepositStatus Created { get; } = new("0");

    /// <summary>The user confirmed payment; pending broker review (wire <c>"1"</c>).</summary>
    public static DepositStatus Confirmed { get; } = new("1");

    /// <summary>In progress (wire <c>"2"</c>).</summary>
    public static DepositStatus InProgress { get; } = new("2");

    /// <summary>Complete (credited) (wire <c>"4"</c>).</summary>
    public static DepositStatus Complete { get; } = new("4");

    /// <summary>Cancelled (wire <c>"8"</c>).</summary>
    public static DepositStatus Cancelled { get; } = new("8");

    /// <inheritdoc />
    public static WireEnumValues<DepositStatus> Values { get; } = new(
        (Created, nameof(Created)),
        (Confirmed, nameof(Confirmed)),
        (InProgress, nameof(InProgress)),
        (Complete, nameof(Complete)),
        (Cancelled, nameof(Cancelled)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static DepositStatus FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
