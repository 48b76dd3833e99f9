using System.ComponentModel;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// The lifecycle state of an API key. An extensible value: a state the SDK does not know yet is kept verbatim
/// rather than failing deserialization.
/// </summary>
public readonly struct ApiKeyState : IEquatable<ApiKeyState>
{
    private readonly string? _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The state as sent by the server (e.g. <c>ACTIVE</c>).</param>
    public ApiKeyState(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Created, waiting for the platform's review; not usable.</summary>
    public static ApiKeyState PendingApproval { get; } = new("PENDING_APPROVAL");

    /// <summary>Approved and usable.</summary>
    public static ApiKeyState Active { get; } = new("ACTIVE");

    /// <summary>Refused by the platform; not usable.</summary>
    public static ApiKeyState Rejected { get; } = new("REJECTED");

    /// <summary>Suspended by the platform; may be enabled again.</summary>
    public static ApiKeyState Disabled { get; } = new("DISABLED");

    /// <summary>Revoked by its owner; irreversible.</summary>
    public static ApiKeyState Revoked { get; } = new("REVOKED");

    /// <summary>Whether this is one of the states this SDK version knows.</summary>
    public bool IsKnown => this == PendingApproval || this == Active || this == Rejected || this == Disabled || this == Revoked;

    /// <summary>Compares two states by their wire value (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">A state.</param>
    /// <returns>Whether both name the same state.</returns>
    public static bool operator ==(ApiKeyState left, ApiKeyState right) => left.Equals(right);

    /// <summary>Compares two states by their wire value (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">A state.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ApiKeyState left, ApiKeyState right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ApiKeyState other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ApiKeyState other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    /// <returns>The value.</returns>
    public override string ToString() => _value ?? string.Empty;
}
