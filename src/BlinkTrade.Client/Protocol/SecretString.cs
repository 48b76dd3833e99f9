using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// A credential (password, API secret, API password, second-factor code) carried in a message. It serializes to
/// its real value on the wire but prints as <c>***</c> in <see cref="ToString"/>, so records that hold one never
/// leak it into logs, exception messages or debugger displays.
/// </summary>
[JsonConverter(typeof(SecretStringJsonConverter))]
public readonly struct SecretString : IEquatable<SecretString>
{
    private const string Redacted = "***";
    private readonly string? _value;

    /// <summary>Wraps a secret value.</summary>
    /// <param name="value">The secret.</param>
    public SecretString(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Whether no value is held.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <summary>Returns the secret itself. Call it only where the value must be used (signing, sending).</summary>
    /// <returns>The secret, or an empty string.</returns>
    public string Reveal() => _value ?? string.Empty;

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The secret.</param>
    public static implicit operator SecretString(string value) => new(value);

    /// <summary>Always <c>***</c>: the value is never printed.</summary>
    /// <returns><c>***</c>.</returns>
    public override string ToString() => Redacted;

    /// <inheritdoc />
    public bool Equals(SecretString other) => string.Equals(_value ?? string.Empty, other._value ?? string.Empty, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SecretString other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value ?? string.Empty);

    /// <summary>Compares two secrets by value.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SecretString left, SecretString right) => left.Equals(right);

    /// <summary>Compares two secrets by value.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SecretString left, SecretString right) => !left.Equals(right);
}
